import type { z } from "@/lib/zod";
import { AppError } from "@/lib/errors";

/** Parses input with a schema; on failure raises a VALIDATION AppError with messages per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError("VALIDATION", "資料有誤，請依欄位旁的說明修正後再送出。", fieldErrorsOf(parsed.error));
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
