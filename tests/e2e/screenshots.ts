// Takes screenshots of pages at phone and desktop widths, for people to look at:
//   BASE_URL=http://localhost:3000 npx tsx tests/e2e/screenshots.ts /path /login ...
// Signs in first when SIGN_IN=username (and KIND=teacher|business) is given. Files go to
// test-results/screenshots/.
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const paths = process.argv.slice(2);
const out = "test-results/screenshots";

async function main() {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  for (const [label, viewport] of [["phone", { width: 360, height: 740 }], ["desktop", { width: 1280, height: 800 }]] as const) {
    const context = await browser.newContext({ viewport, locale: "zh-TW", timezoneId: "Asia/Taipei" });
    const page = await context.newPage();
    if (process.env.SIGN_IN) {
      await page.goto(`${base}/login`);
      await page.getByLabel(process.env.KIND === "business" ? "業務帳號" : "教師個人帳號").check();
      await page.getByLabel("帳號", { exact: true }).fill(process.env.SIGN_IN);
      await page.getByLabel("密碼", { exact: true }).fill(process.env.PASSWORD ?? "inservice2026");
      await page.getByRole("button", { name: "登入" }).click();
      await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    }
    for (const p of paths) {
      await page.goto(`${base}${p}`);
      await page.waitForLoadState("networkidle");
      const file = `${out}/${label}${p.replace(/[^a-z0-9]+/gi, "_") || "_home"}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      // PIECES=1: also the page in screen-sized pieces, readable at full size.
      if (process.env.PIECES) {
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0, i = 1; y < height; y += viewport.height, i++) {
          const piece = file.replace(/\.png$/, `.${i}.png`);
          await page.screenshot({ path: piece, fullPage: true, clip: { x: 0, y, width: viewport.width, height: Math.min(viewport.height, height - y) } });
          console.log(piece);
        }
      }
    }
    await context.close();
  }
  await browser.close();
}

void main();
