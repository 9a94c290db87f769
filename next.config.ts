import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // The test run builds into its own folder so it never disturbs a running demo.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with status 403 for signed-in people without the role.
  experimental: { authInterrupts: true },
  // Packages with native code or wasm stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "svg-captcha", "pg"],
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
