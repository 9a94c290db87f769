import { exportGetRefusal, exportResponse } from "@/lib/registrations/export-response";

type Ctx = { params: Promise<{ code: string }> };

/** POST (the dashboard's button): the registrant list as XLSX with the dashboard's filters; reveal=1 for full ID numbers, audited. */
export async function POST(req: Request, { params }: Ctx) {
  const { code } = await params;
  return exportResponse(req, code, "xlsx");
}

/** A GET never exports: it says where the button is. */
export async function GET(_req: Request, { params }: Ctx) {
  return exportGetRefusal((await params).code);
}
