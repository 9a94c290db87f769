import { getActor } from "@/lib/auth/session";
import { assertSameSiteJson, jsonError, jsonOk } from "@/lib/http";
import { revealNationalId } from "@/lib/registrations/reveal-national-id";

type Ctx = { params: Promise<{ code: string; id: string }> };

/** POST: the full ID number of one registration, for one view (audited). */
export async function POST(req: Request, { params }: Ctx) {
  try {
    assertSameSiteJson(req, false);
    const { code, id } = await params;
    return jsonOk(await revealNationalId(await getActor(), { code, id }));
  } catch (e) {
    return jsonError(e);
  }
}
