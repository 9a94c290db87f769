import { z } from "@/lib/zod";

/**
 * The reason a 區管中心 gives when it returns a course (退回), and the reason an organizer gives
 * when cancelling one (取消課程). Shared by the forms (instant messages) and the use cases.
 */
export const RETURN_REASON_MAX = 500;
export const CANCEL_REASON_MAX = 200;

const reason = (what: string, max: number) =>
  z
    .string({ error: `請填寫${what}` })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, { message: `請填寫${what}`, abort: true })
        .min(4, `${what}至少 4 個字，請具體說明`)
        .max(max, `${what}不可超過 ${max} 個字`),
    );

export const returnReasonSchema = z.object({ reason: reason("退回原因", RETURN_REASON_MAX) });
export const cancelReasonSchema = z.object({ reason: reason("取消原因", CANCEL_REASON_MAX) });
