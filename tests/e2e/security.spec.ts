import { expect, signInThroughPage, test } from "./helpers";

// Doors an attacker tries first, through the real server and a real browser.

test("a callbackUrl that a browser would read as another site ends on this site after a real sign-in", async ({ page, baseURL }) => {
  const site = new URL(baseURL!).host;
  // "/<TAB>/evil.example/": Chromium drops the tab and would go to //evil.example/.
  for (const callback of ["/\t/evil.example/", "/\\evil.example", "/\n/evil.example/"]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callback)}`);
    await signInThroughPage(page, "教師個人帳號", "schoolteacher");
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    await page.waitForLoadState("load");
    expect(new URL(page.url()).host).toBe(site);
    expect(new URL(page.url()).pathname).toBe("/");
  }
});

test("the sign-in pages answer odd callback values with the default page, never a 500", async ({ request }) => {
  for (const callback of ["%0d%0aSet-Cookie:%20x=1", "%00", "%E0%A4%A", "/%09/evil.example", "javascript:alert(1)", "x".repeat(5000)]) {
    const res = await request.get(`/login?callbackUrl=${callback}`);
    expect(res.status(), callback).toBeLessThan(500);
    expect(res.headers()["set-cookie"] ?? "").not.toContain("x=1");
  }
});

test("next-auth's doors answer malformed input without a 5xx", async ({ request }) => {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const bodies: Record<string, string>[] = [
    {},
    { csrfToken: csrf.csrfToken },
    { csrfToken: csrf.csrfToken, accountKind: "teacher", username: "\u0000", password: "x" },
    { csrfToken: csrf.csrfToken, accountKind: "admin", username: "teacher", password: "x" },
    { csrfToken: csrf.csrfToken, accountKind: "teacher", username: "字".repeat(10_000), password: "x".repeat(100_000) },
    { csrfToken: csrf.csrfToken, accountKind: "teacher", username: "\ud800", password: "\udfff" },
    { csrfToken: csrf.csrfToken, accountKind: "teacher", username: "teacher", password: "x", captchaId: "../../x", captchaAnswer: "{}" },
    { csrfToken: csrf.csrfToken, accountKind: "teacher", username: "3000000000", password: "1e309", callbackUrl: "/\t/evil.example" },
    { csrfToken: "forged", accountKind: "teacher", username: "teacher", password: "inservice2026" },
    { csrfToken: csrf.csrfToken, accountKind: "teacher", username: "' OR 1=1 --", password: "' OR 1=1 --" },
  ];
  for (const form of bodies) {
    const res = await request.post("/api/auth/callback/credentials", { form, maxRedirects: 0 });
    expect(res.status(), JSON.stringify(form).slice(0, 80)).toBeLessThan(500);
    const location = res.headers()["location"] ?? "";
    if (location) expect(new URL(location, "http://x").host === "x" || location.startsWith("http://localhost")).toBe(true);
  }
  // Garbage session cookies describe no session and do not break the page.
  for (const value of ["x", "a.b.c.d.e", "\u00ff".repeat(10), "e30.." + "A".repeat(5000)]) {
    const res = await request.get("/api/auth/session", { headers: { cookie: `inservice.session=${encodeURIComponent(value)}` } });
    expect(res.status()).toBeLessThan(500);
    expect(await res.json()).toEqual({});
  }
  for (const path of ["/api/auth/signin/unknown", "/api/auth/callback/unknown", "/api/auth/%00", "/api/auth/providers?x=%ff"]) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBeLessThan(500);
  }
});
