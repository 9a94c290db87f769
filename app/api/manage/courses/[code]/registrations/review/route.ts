import { getActor } from "@/lib/auth/session";
import { assertSameSiteJson, jsonError, jsonOk, readJson } from "@/lib/http";
import { reviewRegistrations } from "@/lib/registrations/review";

type Ctx = { params: Promise<{ code: string }> };

/** POST { ids: number[], decision: "APPROVED" | "WAITLISTED" | "REJECTED" | "PENDING", reason? }: all or nothing. */
export async function POST(req: Request, { params }: Ctx) {
  try {
    assertSameSiteJson(req, true);
    const { code } = await params;
    const body = ((await readJson(req)) ?? {}) as { ids?: unknown; decision?: unknown; reason?: unknown };
    const result = await reviewRegistrations(await getActor(), { code, ids: body.ids as number[], decision: body.decision as "APPROVED", reason: body.reason as string | undefined });
    return jsonOk(result);
  } catch (e) {
    return jsonError(e);
  }
}
