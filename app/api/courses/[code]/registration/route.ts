import { registrationApi } from "@/lib/registrations/registration-api";
import { originFacts, toResponse } from "@/lib/http";

type Ctx = { params: Promise<{ code: string }> };

// A thin door over lib/registrations/registration-api.ts (see there for the methods). In
// production scripts/serve.ts answers these requests itself with the same function.
async function door(req: Request, { params }: Ctx): Promise<Response> {
  const { code } = await params;
  return toResponse(
    await registrationApi({
      method: req.method,
      code,
      cookieHeader: req.headers.get("cookie"),
      ...originFacts(req),
      contentType: req.headers.get("content-type"),
      idempotencyKey: req.headers.get("idempotency-key"),
      readBody: () => req.text(),
    }),
  );
}

export const GET = door;
export const PUT = door;
export const DELETE = door;
