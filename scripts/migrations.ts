// Migrations without the Prisma CLI (see prisma/README.md).
//
//   npx tsx scripts/migrations.ts create <name>   write the next migration from prisma/schema.prisma
//   npx tsx scripts/migrations.ts check           exit 1 if prisma/schema.prisma changed without one
//   npx tsx scripts/migrations.ts apply           apply pending migrations to DATABASE_URL
import { applyMigrations, checkMigrations, createMigration } from "./db/migrate";

const USAGE = `Usage:
  npx tsx scripts/migrations.ts create <name>   (npm run db:migration:create -- <name>)
  npx tsx scripts/migrations.ts check           (npm run db:migration:check)
  DATABASE_URL=... npx tsx scripts/migrations.ts apply`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "create": {
      const name = rest.join("_");
      if (!name.trim()) {
        console.error("Give the migration a name: npm run db:migration:create -- <name>");
        return 2;
      }
      const folder = await createMigration(name);
      if (folder === null) {
        console.log("No schema changes.");
      } else {
        console.log(`prisma/migrations/${folder}`);
      }
      return 0;
    }
    case "check": {
      const missing = await checkMigrations();
      if (missing === null) {
        console.log("prisma/schema.prisma matches the newest migration.");
        return 0;
      }
      console.error(
        "prisma/schema.prisma has changes without a migration; run npm run db:migration:create -- <name>\n\n" +
          "The missing migration would be:\n\n" +
          missing,
      );
      return 1;
    }
    case "apply": {
      const url = process.env.DATABASE_URL;
      if (!url) {
        console.error("DATABASE_URL is not set: it names the database to migrate.");
        return 2;
      }
      const applied = await applyMigrations(url);
      if (applied.length === 0) {
        console.log("No pending migrations.");
      } else {
        for (const name of applied) console.log(`Applied ${name}`);
      }
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
