import { createSignInChallenge, CHALLENGE_RATE_LIMIT } from "@/lib/auth/challenge";
import { assertSameSiteJson, jsonError, jsonOk } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { clientAddressFromHeaders } from "@/lib/net/client-address";
import { hitRateLimit } from "@/lib/rate-limit";

/**
 * A new sign-in 驗證碼 challenge for the widget (lib/auth/challenge.ts). Signed and stateless:
 * it writes nothing but the per-address request counter, and answers 429 beyond
 * CHALLENGE_RATE_LIMIT.
 */
export async function POST(req: Request) {
  try {
    assertSameSiteJson(req, false);
    const address = clientAddressFromHeaders((name) => req.headers.get(name));
    const limit = await hitRateLimit(CHALLENGE_RATE_LIMIT, address);
    if (!limit.allowed) {
      const e = new AppError("RATE_LIMITED", "驗證碼的請求次數過多，請稍候 1 分鐘後再勾選「我不是機器人」。");
      const res = jsonError(e);
      res.headers.set("Retry-After", String(limit.retryAfterSeconds));
      return res;
    }
    return jsonOk(await createSignInChallenge());
  } catch (e) {
    return jsonError(e);
  }
}
