import { AppError, messages } from "@/lib/errors";
import type { Role } from "@/generated/prisma/enums";

/** Who is asking: what every use case receives and checks itself. */
export type Actor = {
  id: number;
  role: Role;
  name: string;
  unitId: number | null;
  regionCounties: string[];
};

/** The caller must be signed in. */
export function requireUser(actor: Actor | null | undefined): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", messages.unauthenticated);
  return actor;
}

/** The caller must be signed in with one of the roles. */
export function requireRole(actor: Actor | null | undefined, ...roles: Role[]): Actor {
  const user = requireUser(actor);
  if (!roles.includes(user.role)) throw new AppError("FORBIDDEN", messages.forbidden);
  return user;
}

export const ROLE_LABELS: Record<Role, string> = {
  TEACHER: "教師",
  ORGANIZER: "承辦人",
  REGION_ADMIN: "區管中心",
};
