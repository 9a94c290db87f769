import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/security-headers";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/server-action-limit";

const nextConfig: NextConfig = {
  // The test run builds into its own folder so it never disturbs a running demo.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // scripts/serve.ts compresses, after it has put each response's CSP nonce into the page.
  compress: false,
  experimental: {
    // forbidden() renders app/forbidden.tsx with status 403 for signed-in people without the role.
    authInterrupts: true,
    // scripts/serve.ts answers a larger POST with 413 before Next sees it.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
  },
  // Packages with native code or wasm stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "@node-rs/jieba", "opencc-js", "pg"],
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
