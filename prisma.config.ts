// Prisma CLI configuration. The CLI is used only for `generate` here: migrations are
// applied by scripts/migrations.ts (Prisma's WebAssembly schema engine), because the CLI's
// native schema engine cannot be downloaded on these machines.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
