import { exportResponse } from "@/lib/registrations/export-response";

type Ctx = { params: Promise<{ code: string }> };

/** GET: the registrant list as XLSX (the dashboard's filters apply; ?reveal=1 for full ID numbers, audited). */
export async function GET(req: Request, { params }: Ctx) {
  const { code } = await params;
  return exportResponse(req, code, "xlsx");
}
