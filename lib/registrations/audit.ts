import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { RegistrationStatus } from "@/generated/prisma/enums";

/** Writes one state change of a registration to the audit trail (who, when, from, to, why). */
export async function recordRegistrationEvent(
  tx: Prisma.TransactionClient,
  e: { registrationId: number; actorId: number | null; from: RegistrationStatus | null; to: RegistrationStatus; reason: string; at: Date },
): Promise<void> {
  await tx.registrationEvent.create({
    data: { registrationId: e.registrationId, actorId: e.actorId, fromStatus: e.from, toStatus: e.to, reason: e.reason, createdAt: e.at },
  });
}
