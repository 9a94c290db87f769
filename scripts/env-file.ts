// Creates .env.local with generated secrets for this machine (ignored by git), once, and
// loads the environment the way Next.js does.
import { existsSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { loadEnvConfig } from "@next/env";

export const repoRoot = path.resolve(__dirname, "..");

export function ensureLocalEnvFile(log: (l: string) => void = console.log): void {
  const file = path.join(repoRoot, ".env.local");
  if (existsSync(file)) return;
  const lines = [
    "# Generated for this machine by scripts/run.ts. Never commit this file.",
    "# The national-ID keys decrypt the data in .pgdata: keep them as long as that data.",
    `NEXTAUTH_SECRET=${randomBytes(48).toString("base64url")}`,
    `NATIONAL_ID_KEYS=k1:${randomBytes(32).toString("base64")}`,
    "NATIONAL_ID_KEY_ID=k1",
    `NATIONAL_ID_HASH_KEY=${randomBytes(48).toString("base64url")}`,
    "",
  ];
  writeFileSync(file, lines.join("\n"), { mode: 0o600 });
  log("Created .env.local with generated secrets for this machine.");
}

export function loadEnv(): void {
  loadEnvConfig(repoRoot, process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });
}
