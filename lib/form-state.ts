import { asAppError } from "@/lib/errors";

/** What a server action returns to a form (useActionState). */
export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What the person typed, given back so nothing is lost when the server says no. */
  values?: Record<string, string>;
};

export const initialFormState: FormState = { ok: false };

/** Maps an error from a use case to form state; unexpected errors are re-thrown. */
export function formStateFromError(error: unknown, values?: Record<string, string>): FormState {
  const e = asAppError(error);
  if (e) return { ok: false, message: e.message, fieldErrors: e.fieldErrors, values };
  throw error;
}

/**
 * A server action's form. Next passes the form's FormData, but the action's endpoint decodes
 * whatever arguments a client sends, so an action reads its form through this: anything that
 * is not FormData is an empty form (and the use case then says what is missing).
 */
export function formOf(sent: unknown): FormData {
  return sent instanceof FormData ? sent : new FormData();
}
