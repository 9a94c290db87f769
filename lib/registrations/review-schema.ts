import { z } from "@/lib/zod";
import { REGISTRATION_STATUS_LABELS } from "@/lib/courses/labels";

/**
 * 錄取審核 and 出席登錄: the input schemas shared by the dashboard's forms (instant messages)
 * and the use cases (the truth), and the dashboard's URL state.
 */

/** What an organizer can set a registration to. CANCELLED is the teacher's own act. */
export const REVIEW_DECISIONS = ["APPROVED", "WAITLISTED", "REJECTED", "PENDING"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** The buttons' words: 審核通過 (正取), 備取, 審核不通過 (不錄取), back to 待審核. */
export const DECISION_LABELS: Record<ReviewDecision, string> = {
  APPROVED: REGISTRATION_STATUS_LABELS.APPROVED,
  WAITLISTED: REGISTRATION_STATUS_LABELS.WAITLISTED,
  REJECTED: REGISTRATION_STATUS_LABELS.REJECTED,
  PENDING: "重設為待審核",
};

export const REJECT_REASON_REQUIRED = "請填寫不錄取的原因（教師會在通知信與個人報名記錄中看到）。";

const code = z.string().trim().min(1, "請提供課程代碼。").max(20);

/** A registration's number: a positive PostgreSQL integer (3000000000 is no registration, not a 500). */
const registrationId = z.coerce
  .number({ error: "報名編號不正確。" })
  .int("報名編號不正確。")
  .positive("報名編號不正確。")
  .max(2_147_483_647, "報名編號不正確。");

export const reviewInputSchema = z
  .object({
    code,
    ids: z
      .array(registrationId, { error: "請先勾選要審核的報名。" })
      .min(1, "請先勾選要審核的報名。")
      .max(1000, "一次最多審核 1000 筆報名，請分批處理。"),
    decision: z.enum(REVIEW_DECISIONS, { error: "請選擇審核結果。" }),
    reason: z
      .string({ error: "說明必須是文字。" })
      // NFC, not NFKC: the organizer's Chinese punctuation （，） stays as typed.
      .transform((s) => s.normalize("NFC").trim())
      .pipe(z.string().max(200, "說明不可超過 200 個字。"))
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "REJECTED" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: REJECT_REASON_REQUIRED });
  });
export type ReviewInput = z.input<typeof reviewInputSchema>;

/** Just the reason, for the dialog's instant message. */
export const rejectReasonSchema = z
  .string()
  .transform((s) => s.normalize("NFC").trim())
  .pipe(z.string().min(1, REJECT_REASON_REQUIRED).max(200, "說明不可超過 200 個字。"));

export const revealInputSchema = z.object({ code, id: registrationId });
export type RevealInput = z.input<typeof revealInputSchema>;

export const attendanceInputSchema = z.object({
  code,
  marks: z
    .array(
      z.object({
        id: registrationId,
        attended: z.boolean({ error: "請為每位教師選擇出席或缺席。" }),
      }),
      { error: "沒有要儲存的出席資料。" },
    )
    .min(1, "沒有要儲存的出席資料。")
    .max(5000),
});
export type AttendanceInput = z.input<typeof attendanceInputSchema>;

/** The dashboard's filters, as they live in the URL. Bad values fall back to the defaults. */
export const REVIEW_STATUS_FILTERS = ["ALL", "PENDING", "APPROVED", "WAITLISTED", "REJECTED", "CANCELLED"] as const;
export type ReviewStatusFilter = (typeof REVIEW_STATUS_FILTERS)[number];
export const REVIEW_PAGE_SIZES = [20, 50, 100] as const;

export const reviewQuerySchema = z.object({
  status: z.enum(REVIEW_STATUS_FILTERS).catch("ALL"),
  q: z
    .string()
    .transform((s) => s.normalize("NFKC").trim().slice(0, 50))
    .catch(""),
  order: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  size: z.coerce
    .number()
    .int()
    .refine((n) => (REVIEW_PAGE_SIZES as readonly number[]).includes(n))
    .catch(50),
});
export type ReviewQuery = z.infer<typeof reviewQuerySchema>;
export const REVIEW_QUERY_DEFAULTS: ReviewQuery = { status: "ALL", q: "", order: "asc", page: 1, size: 50 };

/** Reads the filters from URL search params (a page's searchParams or a request's URL). */
export function reviewQueryFrom(params: URLSearchParams | Record<string, string | string[] | undefined>): ReviewQuery {
  const get = (k: string) => {
    if (params instanceof URLSearchParams) return params.get(k) ?? undefined;
    const v = params[k];
    return Array.isArray(v) ? v[0] : v;
  };
  return reviewQuerySchema.parse({
    status: get("status") ?? "ALL",
    q: get("q") ?? "",
    order: get("order") ?? "asc",
    page: get("page") ?? 1,
    size: get("size") ?? 50,
  });
}

/** The URL of the dashboard (or an export) with these filters; defaults are left out. */
export function reviewHref(base: string, query: ReviewQuery, change: Partial<ReviewQuery> = {}): string {
  const q = { ...query, ...change };
  const sp = new URLSearchParams();
  if (q.status !== "ALL") sp.set("status", q.status);
  if (q.q) sp.set("q", q.q);
  if (q.order !== "asc") sp.set("order", q.order);
  if (q.page !== 1) sp.set("page", String(q.page));
  if (q.size !== 50) sp.set("size", String(q.size));
  const s = sp.toString();
  return s ? `${base}?${s}` : base;
}
