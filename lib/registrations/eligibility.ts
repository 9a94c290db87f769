import type { Actor } from "@/lib/auth/actor";
import { registrationWindowState, registrationWindowMessage, type RegistrationWindowInput } from "@/lib/registrations/window";
import type { AdmissionMode, Eligibility } from "@/generated/prisma/enums";

/**
 * Whether this person may register for this course now, and if not, the Chinese message
 * shown in place of the 我要報名 button. Decided on the server, by enrol and by the page.
 */
export type EligibilityCourse = RegistrationWindowInput & {
  eligibility: Eligibility;
  organizerId: number;
  admissionMode: AdmissionMode;
  capacity: number;
  waitlistLimit: number;
  approvedCount: number;
  waitlistedCount: number;
  activeCount: number;
};

export type EligibilityVerdict =
  | { ok: true }
  | { ok: false; reason: "SIGN_IN" | "NOT_TEACHER" | "OWN_UNIT_ONLY" | "WINDOW" | "FULL"; message: string };

export const MESSAGES = {
  signIn: "請先登入教師個人帳號再報名。",
  notTeacher: "只有教師帳號可以報名研習",
  ownUnitOnly: "該課程僅提供校內教師報名",
  full: "報名人數已額滿（含備取名額），無法再報名。",
} as const;

/** No place left for a new registration (see domain.md "Seats and admission"). */
export function isFull(c: EligibilityCourse): boolean {
  if (c.admissionMode === "AUTOMATIC") return c.approvedCount >= c.capacity && c.waitlistedCount >= c.waitlistLimit;
  return c.activeCount >= c.capacity + c.waitlistLimit;
}

export function checkEligibility(actor: Actor | null, c: EligibilityCourse, now: Date = new Date()): EligibilityVerdict {
  const state = registrationWindowState(c, now);
  if (state !== "OPEN") return { ok: false, reason: "WINDOW", message: registrationWindowMessage(c, now) };
  if (!actor) return { ok: false, reason: "SIGN_IN", message: MESSAGES.signIn };
  if (actor.role !== "TEACHER") return { ok: false, reason: "NOT_TEACHER", message: MESSAGES.notTeacher };
  if (c.eligibility === "OWN_UNIT_ONLY" && actor.unitId !== c.organizerId) return { ok: false, reason: "OWN_UNIT_ONLY", message: MESSAGES.ownUnitOnly };
  if (isFull(c)) return { ok: false, reason: "FULL", message: MESSAGES.full };
  return { ok: true };
}
