import { getActor } from "@/lib/auth/session";
import { requireUser } from "@/lib/auth/actor";
import { enrol } from "@/lib/registrations/enrol";
import { cancelRegistration } from "@/lib/registrations/cancel";
import { getMyRegistration } from "@/lib/registrations/get-my-registration";
import { assertSameSiteJson, jsonError, jsonOk, readJson } from "@/lib/http";

type Ctx = { params: Promise<{ code: string }> };

/** GET: my registration for the course (404-free: `registration: null` when there is none). */
export async function GET(_req: Request, { params }: Ctx) {
  try {
    const { code } = await params;
    const actor = requireUser(await getActor());
    return jsonOk({ registration: await getMyRegistration(actor, code) });
  } catch (e) {
    return jsonError(e);
  }
}

/** PUT: enrol (create-or-return). Body: { "answers": { … } }. Header Idempotency-Key. */
export async function PUT(req: Request, { params }: Ctx) {
  try {
    assertSameSiteJson(req, true);
    const { code } = await params;
    const body = (await readJson(req)) as { answers?: unknown } | null;
    const result = await enrol(await getActor(), { code, answers: (body?.answers ?? {}) as Record<string, string> }, {
      idempotencyKey: req.headers.get("idempotency-key"),
    });
    const { replayed, created, ...registration } = result;
    return jsonOk({ registration, created }, created ? 201 : 200, replayed ? { "Idempotent-Replayed": "true" } : {});
  } catch (e) {
    return jsonError(e);
  }
}

/** DELETE: cancel. Succeeds (and changes nothing) when there is nothing to cancel. */
export async function DELETE(req: Request, { params }: Ctx) {
  try {
    assertSameSiteJson(req, false);
    const { code } = await params;
    const { replayed, ...result } = await cancelRegistration(await getActor(), { code, confirm: true }, {
      idempotencyKey: req.headers.get("idempotency-key"),
    });
    return jsonOk(result, 200, replayed ? { "Idempotent-Replayed": "true" } : {});
  } catch (e) {
    return jsonError(e);
  }
}
