// Command line: fill the database named by DATABASE_URL with demo data.
//
//   npx tsx --conditions=react-server prisma/seed/cli.ts [--seed N] [--courses N] [--today YYYY-MM-DD] [--force]
//
// (also --teachers N and --units N). The national-ID keys come from the environment
// (NATIONAL_ID_KEYS, NATIONAL_ID_KEY_ID, NATIONAL_ID_HASH_KEY; see lib/env.ts).
import { seedDemoData, type SeedOptions } from "./index";

const USAGE =
  "Usage: tsx --conditions=react-server prisma/seed/cli.ts [--seed N] [--courses N] [--teachers N] [--units N] [--today YYYY-MM-DD] [--force]";

export function parseSeedArgs(argv: readonly string[]): Omit<SeedOptions, "log"> {
  const options: Omit<SeedOptions, "log"> = {};
  const number = (flag: string, raw: string | undefined): number => {
    const n = Number(raw);
    if (raw === undefined || raw === "" || !Number.isSafeInteger(n) || n < 0) throw new Error(`${flag} needs a non-negative integer\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--seed":
        options.seed = number(flag, value());
        break;
      case "--courses":
        options.courses = number(flag, value());
        break;
      case "--teachers":
        options.teachers = number(flag, value());
        break;
      case "--units":
        options.units = number(flag, value());
        break;
      case "--today": {
        const v = value();
        if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new Error(`--today needs a date as YYYY-MM-DD\n${USAGE}`);
        options.today = v;
        break;
      }
      case "--force":
        options.force = true;
        break;
      case "--help":
      case "-h":
        console.log(USAGE);
        process.exit(0);
      default:
        throw new Error(`Unknown argument "${arg}"\n${USAGE}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set (npm run db:seed sets it for you)");
  await seedDemoData(databaseUrl, { ...parseSeedArgs(process.argv.slice(2)), log: (line) => console.log(line) });
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
