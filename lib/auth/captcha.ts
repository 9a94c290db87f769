import "server-only";
import { createHash, randomUUID } from "node:crypto";
import svgCaptcha from "svg-captcha";
import { db } from "@/lib/db";

/** 驗證碼: a short-lived, single-use challenge whose answer is stored hashed. */
const TTL_MS = 5 * 60 * 1000;

function digest(answer: string): string {
  return createHash("sha256").update(answer.trim().toLowerCase()).digest("hex");
}

export type Captcha = { id: string; svg: string };

/** Returns the challenge and, for tests only, its answer. Doors send only `id` and `svg`. */
export async function createCaptcha(): Promise<Captcha & { answer: string }> {
  const { data, text } = svgCaptcha.create({ size: 4, noise: 2, ignoreChars: "0oO1ilI", color: false, background: "#ffffff" });
  const id = randomUUID();
  const now = Date.now();
  await db.captchaChallenge.create({ data: { id, answerHash: digest(text), expiresAt: new Date(now + TTL_MS) } });
  // Now and then, clear out old challenges.
  if (Math.random() < 0.05) await db.captchaChallenge.deleteMany({ where: { expiresAt: { lt: new Date(now - TTL_MS) } } });
  return { id, svg: data, answer: text };
}

/** Checks an answer and uses the challenge up, right or wrong. */
export async function verifyCaptcha(id: string | undefined, answer: string | undefined): Promise<boolean> {
  if (!id || !answer) return false;
  const used = await db.captchaChallenge.updateMany({
    where: { id, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (used.count !== 1) return false;
  const row = await db.captchaChallenge.findUnique({ where: { id }, select: { answerHash: true } });
  return row?.answerHash === digest(answer);
}
