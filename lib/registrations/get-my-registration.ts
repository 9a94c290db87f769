import "server-only";
import { db } from "@/lib/db";
import { requireUser, type Actor } from "@/lib/auth/actor";
import { loadCourseForRegistration } from "@/lib/registrations/load-course";
import type { MyRegistration } from "@/lib/registrations/dto";

/** The signed-in teacher's registration for a course, or null (cancelled ones included). */
export async function getMyRegistration(actor: Actor | null, code: string): Promise<MyRegistration | null> {
  const user = requireUser(actor);
  const course = await loadCourseForRegistration(code);
  const r = await db.registration.findUnique({
    where: { courseId_userId: { courseId: course.id, userId: user.id } },
    select: { status: true, registeredAt: true, statusChangedAt: true, decisionNote: true },
  });
  if (!r) return null;
  return { code, status: r.status, registeredAt: r.registeredAt.toISOString(), statusChangedAt: r.statusChangedAt.toISOString(), decisionNote: r.decisionNote };
}
