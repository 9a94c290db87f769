/**
 * Errors a use case raises on purpose. Doors map `code` to an HTTP status or form state;
 * `message` is Chinese and safe to show to the person who asked.
 */
export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "IDEMPOTENCY_MISMATCH"
  | "IDEMPOTENCY_IN_PROGRESS";

const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  IDEMPOTENCY_MISMATCH: 422,
  IDEMPOTENCY_IN_PROGRESS: 409,
};

export function httpStatusOf(code: AppErrorCode): number {
  return HTTP_STATUS[code];
}

/**
 * An AppError is an expected answer (a refusal, a full course), not a fault: it carries no stack
 * trace. Capturing one cost about 50 µs per refusal, a measurable share of a registration rush
 * where most answers are 409 (tests/bench/rush.ts). Its code and message say where it came from.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Messages per form field, for VALIDATION errors. */
  readonly fieldErrors?: Record<string, string[]>;

  constructor(code: AppErrorCode, message: string, fieldErrors?: Record<string, string[]>) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  get httpStatus(): number {
    return httpStatusOf(this.code);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export const messages = {
  unauthenticated: "請先登入。",
  forbidden: "您的帳號沒有使用這項功能的權限。",
  notFound: "找不到這筆資料。",
} as const;

/**
 * PostgreSQL refuses some values whatever the schema said: a NUL character in text or JSON, a
 * number or date out of its type's range (SQLSTATE class 22, "data exception"). Such a refusal
 * comes from what was sent, so it is the sender's 400 with a Chinese message, never a 500. The
 * code is looked for on the error and its causes (pg's own errors, and Prisma's driver-adapter
 * errors, which carry it in `cause` or `meta`).
 */
const DATA_EXCEPTION = /^22[0-9A-Z]{3}$/;
const DATA_EXCEPTION_TEXT = /unsupported Unicode escape sequence|invalid byte sequence for encoding|out of range for type|value out of range/i;
export const BAD_CHARACTERS_MESSAGE = "送出的資料含有無法處理的字元或超出範圍的數值，請修正後再送出。";

export function isDatabaseInputError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 4) return false;
  const o = e as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
  if ((typeof o.code === "string" && DATA_EXCEPTION.test(o.code)) || (typeof o.originalCode === "string" && DATA_EXCEPTION.test(o.originalCode))) return true;
  if (typeof o.message === "string" && DATA_EXCEPTION_TEXT.test(o.message)) return true;
  if (o.meta && typeof o.meta === "object") {
    for (const v of Object.values(o.meta as Record<string, unknown>)) if (isDatabaseInputError(v, depth + 1)) return true;
  }
  return isDatabaseInputError(o.cause, depth + 1);
}

/** An expected answer for this error (an AppError, or a database refusal of the input), or null for a fault. */
export function asAppError(e: unknown): AppError | null {
  if (isAppError(e)) return e;
  if (isDatabaseInputError(e)) return new AppError("VALIDATION", BAD_CHARACTERS_MESSAGE);
  return null;
}
