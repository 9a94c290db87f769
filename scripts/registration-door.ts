// The rush's door, answered by the production server itself (scripts/serve.ts) instead of
// Next's request pipeline: /api/courses/{code}/registration (GET, PUT, DELETE). The answer
// comes from the same function as the route handler's (lib/registrations/registration-api.ts);
// what is saved is Next's routing, request wrapping and response streaming, about a
// millisecond of CPU per request, which is most of the time an enrolment costs in a rush.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiAnswer } from "../lib/http";
import type { RegistrationRequest } from "../lib/registrations/registration-api";

const PATH = /^\/api\/courses\/(\d{1,12})\/registration\/?(?:\?.*)?$/;
const METHODS = new Set(["GET", "PUT", "DELETE"]);
/** A registration form is a few fields; anything much larger is not one. */
export const MAX_BODY_BYTES = 64 * 1024;

export type Answer = (r: RegistrationRequest) => Promise<ApiAnswer>;

/** The course code when this request is for the door, else null (Next answers it). */
export function registrationDoorCode(req: Pick<IncomingMessage, "method" | "url">): string | null {
  if (!req.method || !METHODS.has(req.method) || !req.url) return null;
  return PATH.exec(req.url)?.[1] ?? null;
}

class TooLarge extends Error {}

const TOO_LARGE: ApiAnswer = {
  status: 413,
  headers: { "Cache-Control": "no-store", Connection: "close" },
  body: { error: { code: "VALIDATION", message: "報名資料過大，請確認內容後再送出。" } },
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new TooLarge());
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, a: ApiAnswer, extraHeaders: Record<string, string>): void {
  const body = JSON.stringify(a.body);
  res.writeHead(a.status, {
    ...extraHeaders,
    ...a.headers,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
  });
  res.end(body);
}

const one = (v: string | string[] | undefined): string | null => (Array.isArray(v) ? (v[0] ?? null) : (v ?? null));

/**
 * Answers a request for the door. `headers`: the site's own headers (next.config.ts
 * securityHeaders) that Next would have added.
 */
export async function serveRegistrationDoor(
  req: IncomingMessage,
  res: ServerResponse,
  code: string,
  answer: Answer,
  headers: Record<string, string>,
): Promise<void> {
  let tooLarge = Number(one(req.headers["content-length"]) ?? 0) > MAX_BODY_BYTES;
  if (tooLarge) return send(res, TOO_LARGE, headers);
  const a = await answer({
    method: req.method!,
    code,
    cookieHeader: one(req.headers.cookie),
    origin: one(req.headers.origin),
    secFetchSite: one(req.headers["sec-fetch-site"]),
    host: one(req.headers.host),
    contentType: one(req.headers["content-type"]),
    idempotencyKey: one(req.headers["idempotency-key"]),
    readBody: () =>
      readBody(req).catch((e) => {
        if (e instanceof TooLarge) tooLarge = true;
        throw e;
      }),
  });
  send(res, tooLarge ? TOO_LARGE : a, headers);
}
