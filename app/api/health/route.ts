import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** For load balancers and the test runner: the app is up and reaches its database. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, message: "資料庫暫時無法連線" }, { status: 503 });
  }
}
