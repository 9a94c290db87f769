import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);

/** Debian's Chromium, started with the flags this network needs (see shared/stack.md). */
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

export default defineConfig({
  testDir: "./tests/e2e",
  outputDir: "./test-results/playwright-artifacts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: chromium,
    trace: "retain-on-failure",
    locale: "zh-TW",
    timezoneId: "Asia/Taipei",
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions: chromium } },
    {
      name: "phone",
      use: { ...devices["Pixel 5"], viewport: { width: 360, height: 740 }, launchOptions: chromium },
      // Server-side behaviour with no page: once is enough, whatever the screen.
      testIgnore: /(server-shutdown|serve-doors|dev-mail-access)\.spec\.ts$/,
    },
  ],
  // The production server as `npm run demo` runs it (scripts/serve.ts, with its own
  // registration door), one process; the search-page cache off so a test sees its own changes
  // at once (the cache has its own tests in tests/unit/page-cache.test.ts).
  webServer: {
    command: "npx tsx scripts/serve.ts",
    env: { ...(process.env as Record<string, string>), PORT: String(PORT), WEB_CONCURRENCY: "1", PAGE_CACHE: "off" },
    url: `http://localhost:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
