import { hash, verify } from "@node-rs/argon2";

/** Argon2id with the library's defaults (memory 19 MiB, 2 passes). */
export async function hashPassword(password: string, salt?: Uint8Array): Promise<string> {
  return hash(password, salt ? { salt } : undefined);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
