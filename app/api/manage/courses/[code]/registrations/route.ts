import { getActor } from "@/lib/auth/session";
import { jsonError, jsonOk } from "@/lib/http";
import { listRegistrationsForReview } from "@/lib/registrations/list-for-review";
import { reviewQueryFrom } from "@/lib/registrations/review-schema";

type Ctx = { params: Promise<{ code: string }> };

/** GET: the course's registrations for review (?status, q, order, page, size as on the dashboard). */
export async function GET(req: Request, { params }: Ctx) {
  try {
    const { code } = await params;
    const query = reviewQueryFrom(new URL(req.url).searchParams);
    return jsonOk(await listRegistrationsForReview(await getActor(), { code, ...query }));
  } catch (e) {
    return jsonError(e);
  }
}
