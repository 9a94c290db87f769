import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { createSignInChallenge } from "@/lib/auth/challenge";

/** The widget's form value: base64 of JSON { challenge, solution }. */
export function encodePayload(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64");
}

/** Does the work a browser does: a fresh challenge, solved with altcha-lib's own solver. */
export async function solveFor(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 20_000 });
  if (!solution) throw new Error("could not solve the challenge");
  return encodePayload({ challenge, solution });
}

export async function solvedChallenge(now?: Date): Promise<string> {
  return solveFor(await createSignInChallenge(now));
}
