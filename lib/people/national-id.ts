import "server-only";
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { normaliseNationalId } from "@/lib/people/national-id-format";

/**
 * National ID numbers are personal data: encrypted in the application with AES-256-GCM
 * under a key named by `keyId` (so keys can rotate: new data uses NATIONAL_ID_KEY_ID, old
 * data stays readable while its key is in NATIONAL_ID_KEYS), with an HMAC-SHA-256 beside
 * it for equality lookups. Never log the plain number.
 */
export type EncryptedNationalId = { cipher: string; keyId: string; hash: string };

export function hashNationalId(id: string): string {
  return createHmac("sha256", env().NATIONAL_ID_HASH_KEY).update(normaliseNationalId(id)).digest("hex");
}

export function encryptNationalId(id: string): EncryptedNationalId {
  const { NATIONAL_ID_KEYS, NATIONAL_ID_KEY_ID } = env();
  const key = NATIONAL_ID_KEYS.get(NATIONAL_ID_KEY_ID)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(normaliseNationalId(id), "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return {
    cipher: Buffer.concat([iv, tag, body]).toString("base64"),
    keyId: NATIONAL_ID_KEY_ID,
    hash: hashNationalId(id),
  };
}

export function decryptNationalId(value: { cipher: string; keyId: string }): string {
  const key = env().NATIONAL_ID_KEYS.get(value.keyId);
  if (!key) throw new Error(`No key "${value.keyId}" in NATIONAL_ID_KEYS to decrypt a national ID`);
  const raw = Buffer.from(value.cipher, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
