import { isAppError } from "@/lib/errors";

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
export function formStateFromError(e: unknown, values?: Record<string, string>): FormState {
  if (isAppError(e)) return { ok: false, message: e.message, fieldErrors: e.fieldErrors, values };
  throw e;
}
