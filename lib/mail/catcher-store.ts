import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

/**
 * What the development mail catcher (scripts/mail/dev-smtp.ts) keeps of each message it
 * receives: one JSON file per message in its folder (MAIL_CATCHER_DIR), named so that the
 * newest sorts last. /dev/mail reads them back. Development and tests only.
 */
export type CaughtMail = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** ISO time the catcher received it. */
  date: string;
  messageId: string | null;
};

const ID = /^\d{13}-[0-9a-f]{8}$/;

export function isCaughtMailId(id: string): boolean {
  return ID.test(id);
}

/** Stores one message (written aside, then renamed, so readers never see half a file). */
export function storeCaughtMail(dir: string, mail: Omit<CaughtMail, "id" | "date">, now = new Date()): CaughtMail {
  mkdirSync(dir, { recursive: true });
  const id = `${now.getTime()}-${randomBytes(4).toString("hex")}`;
  const full: CaughtMail = { id, date: now.toISOString(), ...mail };
  const file = path.join(dir, `${id}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(full, null, 2));
  renameSync(`${file}.tmp`, file);
  return full;
}

/** Every stored message, newest first. */
export function listCaughtMail(dir: string): CaughtMail[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith(".json") && isCaughtMailId(n.slice(0, -5)))
    .sort()
    .reverse()
    .map((n) => readCaughtMail(dir, n.slice(0, -5)))
    .filter((m): m is CaughtMail => m !== null);
}

export function readCaughtMail(dir: string, id: string): CaughtMail | null {
  if (!isCaughtMailId(id)) return null;
  try {
    return JSON.parse(readFileSync(path.join(dir, `${id}.json`), "utf8")) as CaughtMail;
  } catch {
    return null;
  }
}
