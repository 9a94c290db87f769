import "server-only";
import { batched, sql } from "@/lib/db";
import type { RegistrationStatus } from "@/generated/prisma/enums";

/** One enrolment's claim on a place, as enrol sends it to the database. */
export type PlaceRequest = {
  courseId: number;
  userId: number;
  /** The form's answers as stored (JSON), without the national ID. */
  answers: Record<string, unknown>;
  nationalId: { cipher: string; keyId: string; hash: string } | null;
};

/** status null: no place was left, and nothing changed. created false: the teacher already held it. */
export type PlaceAnswer = { status: RegistrationStatus | null; registeredAt: Date; statusChangedAt: Date; decisionNote: string | null; created: boolean };

type Row = { ord: number; status: RegistrationStatus | null; registeredAt: Date; statusChangedAt: Date; decisionNote: string | null; created: boolean };

async function takeInDatabase(requests: readonly PlaceRequest[]): Promise<PlaceAnswer[]> {
  const rows = await sql<Row>(
    `SELECT ord, status::text AS status, "registeredAt" AT TIME ZONE 'UTC' AS "registeredAt", "statusChangedAt" AT TIME ZONE 'UTC' AS "statusChangedAt",
            "decisionNote", created
     FROM enrol_take_places($1::int[], $2::int[], $3::jsonb[], $4::text[], $5::text[], $6::text[])`,
    [
      requests.map((r) => r.courseId),
      requests.map((r) => r.userId),
      requests.map((r) => JSON.stringify(r.answers)),
      requests.map((r) => r.nationalId?.cipher ?? null),
      requests.map((r) => r.nationalId?.keyId ?? null),
      requests.map((r) => r.nationalId?.hash ?? null),
    ],
  );
  const byOrd = new Map(rows.map((r) => [r.ord, r]));
  return requests.map((_, i) => {
    const r = byOrd.get(i + 1);
    if (!r) throw new Error(`enrol_take_places gave no answer for enrolment ${i + 1}`);
    return { status: r.status, registeredAt: r.registeredAt, statusChangedAt: r.statusChangedAt, decisionNote: r.decisionNote, created: r.created };
  });
}

/**
 * Takes places for the enrolments that arrive together, in one call and one transaction
 * (enrol_take_places, in the enrol_batches migration): in a rush the course row is locked
 * once per batch, not once per teacher. The database gives places in the order of the
 * batch; it is sorted by course (so batches lock courses in one order) and otherwise keeps
 * the order of arrival. If the batch fails as a whole (a deadlock with another writer, a
 * row that breaks a constraint), each enrolment is tried again on its own, so one cannot
 * fail the others.
 */
export const takePlace = batched<PlaceRequest, PlaceAnswer>(async (requests) => {
  const order = requests.map((_, i) => i).sort((a, b) => requests[a].courseId - requests[b].courseId || a - b);
  const sorted = order.map((i) => requests[i]);
  let answers: (PlaceAnswer | Error)[];
  try {
    answers = await takeInDatabase(sorted);
  } catch (e) {
    if (sorted.length === 1) throw e;
    answers = [];
    for (const r of sorted) answers.push(await takeInDatabase([r]).then((a) => a[0], (err: unknown) => (err instanceof Error ? err : new Error(String(err)))));
  }
  const out: (PlaceAnswer | Error)[] = new Array(requests.length);
  order.forEach((original, k) => (out[original] = answers[k]));
  return out;
});
