import "server-only";
import { requireUser } from "@/lib/auth/actor";
import { actorFromCookieHeader } from "@/lib/auth/session-actor";
import { assertSameSite, errorAnswer, okAnswer, parseJson, type ApiAnswer } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { enrol } from "@/lib/registrations/enrol";
import { cancelRegistration } from "@/lib/registrations/cancel";
import { getMyRegistration } from "@/lib/registrations/get-my-registration";

/** What the registration door needs of an HTTP request, whoever serves it. */
export type RegistrationRequest = {
  method: string;
  code: string;
  cookieHeader: string | null;
  /** The Origin, Sec-Fetch-Site and Host headers (lib/net/same-origin.ts). */
  origin: string | null;
  secFetchSite: string | null;
  host: string | null;
  contentType: string | null;
  idempotencyKey: string | null;
  /** The body as text (read only for PUT). */
  readBody: () => Promise<string>;
};

/** The methods of /api/courses/{code}/registration. */
export const REGISTRATION_METHODS = ["GET", "PUT", "DELETE"] as const;

/**
 * /api/courses/{code}/registration, framework-free: the route handler
 * (app/api/courses/[code]/registration/route.ts) and the production server's fast path
 * (scripts/serve.ts, which answers it without Next's request pipeline, for the rush) both
 * call this, so the two cannot drift apart.
 *   GET    my registration for the course (`registration: null` when there is none)
 *   PUT    我要報名, create-or-return. Body { "answers": { … } }; header Idempotency-Key
 *   DELETE 取消報名; succeeds (and changes nothing) when there is nothing to cancel
 */
export async function registrationApi(r: RegistrationRequest): Promise<ApiAnswer> {
  try {
    if (r.method === "GET") {
      const actor = requireUser(await actorFromCookieHeader(r.cookieHeader));
      return okAnswer({ registration: await getMyRegistration(actor, r.code) });
    }
    if (r.method === "PUT") {
      assertSameSite(r, true);
      const body = parseJson(await r.readBody()) as { answers?: unknown } | null;
      const { replayed, created, ...registration } = await enrol(
        await actorFromCookieHeader(r.cookieHeader),
        { code: r.code, answers: (body?.answers ?? {}) as Record<string, string> },
        { idempotencyKey: r.idempotencyKey },
      );
      return okAnswer({ registration, created }, created ? 201 : 200, replayed ? { "Idempotent-Replayed": "true" } : {});
    }
    if (r.method === "DELETE") {
      assertSameSite(r, false);
      const { replayed, ...result } = await cancelRegistration(await actorFromCookieHeader(r.cookieHeader), { code: r.code, confirm: true }, {
        idempotencyKey: r.idempotencyKey,
      });
      return okAnswer(result, 200, replayed ? { "Idempotent-Replayed": "true" } : {});
    }
    throw new AppError("VALIDATION", "不支援的請求方法。");
  } catch (e) {
    return errorAnswer(e);
  }
}
