import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { decryptNationalId } from "@/lib/people/national-id";
import { maskNationalId } from "@/lib/people/national-id-format";
import { taipeiToday } from "@/lib/format/date";
import { checkEligibility, type EligibilityVerdict } from "@/lib/registrations/eligibility";
import { loadCourseForRegistration } from "@/lib/registrations/load-course";
import { registrationWindowMessage, registrationWindowState, type RegistrationWindowState } from "@/lib/registrations/window";
import { fromStoredAnswers, knownFields, type FormFieldId, type RegistrationFormValues, type StoredAnswers } from "@/lib/registrations/form-schema";
import { listRegistrants, type RegistrantRow } from "@/lib/registrations/list-registrants";
import type { MyRegistration } from "@/lib/registrations/dto";

/** Everything 線上報名專區 shows, for this viewer, now. Rendered per request, never cached. */
export type RegistrationArea = {
  course: {
    code: string;
    title: string;
    startDate: string; // YYYY-MM-DD
    registrationClosesAt: string | null;
    seatsLeft: number;
    capacity: number;
    admissionMode: "MANUAL_REVIEW" | "AUTOMATIC";
    waitlistLimit: number;
    windowState: RegistrationWindowState;
    windowMessage: string;
    formFields: FormFieldId[];
  };
  verdict: EligibilityVerdict;
  mine: MyRegistration | null;
  canCancel: boolean;
  /** What the form starts with: the profile, then the teacher's last answers. */
  prefill: RegistrationFormValues;
  /** The teacher's stored national ID, masked, when the course asks for it. */
  storedNationalIdMasked: string | null;
  registrants: RegistrantRow[];
};

export async function getRegistrationArea(actor: Actor | null, code: string, now: Date = new Date()): Promise<RegistrationArea> {
  const course = await loadCourseForRegistration(code);
  const teacher = actor?.role === "TEACHER" ? actor : null;

  const [mineRow, profile, lastAnswers, registrants] = await Promise.all([
    teacher
      ? db.registration.findUnique({
          where: { courseId_userId: { courseId: course.id, userId: teacher.id } },
          select: { status: true, registeredAt: true, statusChangedAt: true, decisionNote: true },
        })
      : null,
    teacher
      ? db.user.findUnique({
          where: { id: teacher.id },
          select: { mobile: true, jobTitle: true, subject: true, birthday: true, nationalIdCipher: true, nationalIdKeyId: true },
        })
      : null,
    teacher
      ? db.registration.findFirst({
          where: { userId: teacher.id, NOT: { answers: { equals: {} } } },
          orderBy: { registeredAt: "desc" },
          select: { answers: true },
        })
      : null,
    listRegistrants(course.id, teacher?.id ?? null),
  ]);

  const mine: MyRegistration | null = mineRow
    ? {
        code,
        status: mineRow.status,
        registeredAt: mineRow.registeredAt.toISOString(),
        statusChangedAt: mineRow.statusChangedAt.toISOString(),
        decisionNote: mineRow.decisionNote,
      }
    : null;
  const active = mine && mine.status !== "CANCELLED";
  const started = course.startDate.toISOString().slice(0, 10) <= taipeiToday(now);

  const prefill: RegistrationFormValues = {
    ...(profile?.mobile ? { mobile: profile.mobile } : {}),
    ...(profile?.jobTitle ? { jobTitle: profile.jobTitle } : {}),
    ...(profile?.subject ? { subject: profile.subject } : {}),
    ...(profile?.birthday ? { birthday: profile.birthday.toISOString().slice(0, 10) } : {}),
    ...fromStoredAnswers(lastAnswers?.answers as StoredAnswers | undefined),
  };
  const fields = knownFields(course.formFields);
  const storedNationalIdMasked =
    fields.includes("nationalId") && profile?.nationalIdCipher && profile.nationalIdKeyId
      ? maskNationalId(decryptNationalId({ cipher: profile.nationalIdCipher, keyId: profile.nationalIdKeyId }))
      : null;

  return {
    course: {
      code: course.code,
      title: course.title,
      startDate: course.startDate.toISOString().slice(0, 10),
      registrationClosesAt: course.registrationClosesAt?.toISOString() ?? null,
      seatsLeft: Math.max(course.capacity - course.approvedCount, 0),
      capacity: course.capacity,
      admissionMode: course.admissionMode,
      waitlistLimit: course.waitlistLimit,
      windowState: registrationWindowState(course, now),
      windowMessage: registrationWindowMessage(course, now),
      formFields: fields,
    },
    verdict: active ? { ok: true } : checkEligibility(actor, course, now),
    mine,
    canCancel: !!mine && ["PENDING", "APPROVED", "WAITLISTED"].includes(mine.status) && !started,
    prefill,
    storedNationalIdMasked,
    registrants,
  };
}
