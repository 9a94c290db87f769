import type { RegistrationStatus } from "@/generated/prisma/enums";

/** A teacher's own registration, as use cases return it (dates as ISO strings, so replays match). */
export type MyRegistration = {
  code: string;
  status: RegistrationStatus;
  registeredAt: string;
  statusChangedAt: string;
  decisionNote: string | null;
};

export type EnrolResult = MyRegistration & {
  /** false: the teacher already held this registration; nothing changed. */
  created: boolean;
};

export type CancelResult = {
  code: string;
  /** false: there was nothing to cancel; nothing changed. */
  changed: boolean;
  status: RegistrationStatus | null;
};
