import { getActor } from "@/lib/auth/session";
import { assertSameSiteJson, jsonError, jsonOk, readJson } from "@/lib/http";
import { listAttendance } from "@/lib/registrations/list-attendance";
import { recordAttendance } from "@/lib/registrations/record-attendance";

type Ctx = { params: Promise<{ code: string }> };

/** GET: the approved teachers with their attendance. */
export async function GET(_req: Request, { params }: Ctx) {
  try {
    const { code } = await params;
    return jsonOk(await listAttendance(await getActor(), code));
  } catch (e) {
    return jsonError(e);
  }
}

/** PUT { marks: [{ id, attended }] }: marks or corrects attendance; hours follow. */
export async function PUT(req: Request, { params }: Ctx) {
  try {
    assertSameSiteJson(req, true);
    const { code } = await params;
    const body = ((await readJson(req)) ?? {}) as { marks?: unknown };
    return jsonOk(await recordAttendance(await getActor(), { code, marks: body.marks as { id: number; attended: boolean }[] }));
  } catch (e) {
    return jsonError(e);
  }
}
