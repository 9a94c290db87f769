// Writes generated demo data into PostgreSQL: multi-row INSERT … SELECT FROM unnest(…) in
// batches, one transaction, explicit ids, then the id sequences are moved past them.
// National ID numbers are encrypted here (lib/people/national-id.ts), never stored in clear.
import { Client } from "pg";
import type { DemoData } from "./generate";

/** Every model table of prisma/schema.prisma (not _prisma_migrations). */
export const MODEL_TABLES = [
  "Unit",
  "User",
  "Course",
  "Registration",
  "RegistrationEvent",
  "Follow",
  "SavedSearch",
  "TrainingRecord",
  "IdempotencyRecord",
  "LoginAttempt",
  "AccountLock",
  "Session",
  "UsedChallenge",
  "RateLimitHit",
  "Setting",
  "SearchDocument",
  "SearchIndexState",
  "AuditEvent",
  "PasswordResetToken",
  "MailMessage",
] as const;

/** A pg client for a database URL; honours Prisma's `?schema=` parameter like scripts/db/migrate.ts. */
export async function connect(databaseUrl: string): Promise<Client> {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get("schema");
  url.searchParams.delete("schema");
  if (schema !== null && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) {
    throw new Error(`Unsupported ?schema=${schema} in the database URL: use a plain identifier.`);
  }
  const client = new Client({
    connectionString: url.toString(),
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  await client.connect();
  return client;
}

async function truncateWith(client: Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT t.name FROM unnest($1::text[]) AS t(name) WHERE to_regclass(quote_ident(t.name)) IS NOT NULL`,
    [[...MODEL_TABLES]],
  );
  if (rows.length === 0) return;
  await client.query(`TRUNCATE ${rows.map((r) => `"${r.name}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

/** Empties every model table (TRUNCATE … RESTART IDENTITY CASCADE); migrations stay. */
export async function truncateAll(databaseUrl: string): Promise<void> {
  const client = await connect(databaseUrl);
  try {
    await truncateWith(client);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Column specs: how a value travels (as one array parameter per column) and how it is cast.

type ColumnType =
  | "int4"
  | "int8"
  | "float8"
  | "bool"
  | "text"
  | "timestamp"
  | "date"
  | "jsonb"
  | "text[]"
  | { enum: string };

type Column<T> = { name: string; type: ColumnType; value: (row: T) => unknown };

type ColumnMaker<T> = (name: string, type: ColumnType, value: (row: T) => unknown) => Column<T>;

const makeColumn = <T>(name: string, type: ColumnType, value: (row: T) => unknown): Column<T> => ({ name, type, value });

function paramType(type: ColumnType): string {
  if (typeof type === "object") return "text[]";
  switch (type) {
    case "int4":
    case "int8":
    case "float8":
    case "bool":
    case "text":
      return `${type}[]`;
    default:
      return "text[]";
  }
}

function selectExpr(name: string, type: ColumnType): string {
  const ref = `t."${name}"`;
  if (typeof type === "object") return `${ref}::"${type.enum}"`;
  switch (type) {
    case "timestamp":
      return `${ref}::timestamp(3)`;
    case "date":
      return `${ref}::date`;
    case "jsonb":
      return `${ref}::jsonb`;
    case "text[]":
      return `${ref}::text[]`;
    default:
      return ref;
  }
}

/** A timestamp(3) column holds UTC wall-clock time, as Prisma writes it. */
function ts(value: Date | null): string | null {
  return value === null ? null : value.toISOString().slice(0, 23);
}

/** A PostgreSQL array literal, every element quoted. */
function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

async function insertRows<T>(
  client: Client,
  table: string,
  rows: readonly T[],
  defineColumns: (col: ColumnMaker<T>) => Column<T>[],
  batchSize: number,
): Promise<void> {
  const columns = defineColumns(makeColumn);
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const params = columns.map((c, i) => `$${i + 1}::${paramType(c.type)}`).join(", ");
  const selects = columns.map((c) => selectExpr(c.name, c.type)).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${selects} FROM unnest(${params}) AS t(${names})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const values = columns.map((c) => {
      const out = new Array<unknown>(batch.length);
      for (let i = 0; i < batch.length; i++) {
        const v = c.value(batch[i]);
        out[i] = v === undefined ? null : v;
      }
      return out;
    });
    await client.query(sql, values);
  }
}

// ---------------------------------------------------------------------------------------------
// Foreign keys. Their row-by-row checks cost most of the insert time. When the database user
// may (a superuser, as with the embedded server) and no hand-written trigger would be skipped,
// the inserts run with session_replication_role = replica, and every foreign key is checked
// afterwards in one query each, inside the same transaction.

const WRITTEN_TABLES = ["Unit", "User", "Course", "Registration", "RegistrationEvent", "Follow", "TrainingRecord"];

async function skipForeignKeyTriggers(client: Client): Promise<boolean> {
  // Hand-written triggers would not fire, and checkForeignKeys checks single-column keys only.
  const { rows } = await client.query<{ n: number }>(
    `WITH tables AS (SELECT to_regclass(quote_ident(t)) AS oid FROM unnest($1::text[]) AS t)
     SELECT (SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN (SELECT oid FROM tables))
          + (SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND cardinality(conkey) > 1
               AND conrelid IN (SELECT oid FROM tables)) AS n`,
    [WRITTEN_TABLES],
  );
  if (Number(rows[0]?.n ?? 1) > 0) return false;
  await client.query("SAVEPOINT replica_role");
  try {
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query("RELEASE SAVEPOINT replica_role");
    return true;
  } catch {
    await client.query("ROLLBACK TO SAVEPOINT replica_role");
    return false;
  }
}

async function checkForeignKeys(client: Client): Promise<void> {
  const { rows } = await client.query<{ child: string; col: string; parent: string; pcol: string; name: string }>(
    `SELECT c.conname AS name, c.conrelid::regclass::text AS child, a.attname AS col,
            c.confrelid::regclass::text AS parent, af.attname AS pcol
       FROM pg_constraint c
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1]
      WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND c.conrelid = ANY(
        SELECT to_regclass(quote_ident(t)) FROM unnest($1::text[]) AS t)`,
    [WRITTEN_TABLES],
  );
  for (const fk of rows) {
    const { rows: bad } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${fk.child} t
        WHERE t."${fk.col}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE p."${fk.pcol}" = t."${fk.col}")`,
    );
    if ((bad[0]?.n ?? 0) > 0) throw new Error(`Demo data breaks foreign key ${fk.name}: ${bad[0].n} rows of ${fk.child}`);
  }
}

// ---------------------------------------------------------------------------------------------

export type WriteOptions = {
  /** The one password hash every demo account gets. */
  passwordHash: string;
  log?: (line: string) => void;
  /**
   * Empty every model table first, in the same transaction as the inserts: if anything fails,
   * the database keeps what it had. (Without it, the tables should already be empty.)
   */
  replaceExisting?: boolean;
  /** Setting rows to store in the same transaction (e.g. which demo data this is). */
  settings?: Record<string, unknown>;
};

type Encrypted = { cipher: string; keyId: string; hash: string };

/** lib/people/national-id imports "server-only": outside Next it needs the react-server condition. */
async function loadEncryptor(): Promise<(id: string) => Encrypted> {
  try {
    const mod = await import("../../lib/people/national-id");
    return mod.encryptNationalId;
  } catch (e) {
    if (e instanceof Error && /Client Component|server-only/i.test(e.message)) {
      throw new Error(
        'lib/people/national-id.ts imports "server-only": run seed scripts with the react-server condition, ' +
          "e.g. `npx tsx --conditions=react-server prisma/seed/cli.ts`.",
        { cause: e },
      );
    }
    throw e;
  }
}

export async function writeDemoData(databaseUrl: string, data: DemoData, options: WriteOptions): Promise<void> {
  const log = options.log ?? (() => {});
  const encryptNationalId = await loadEncryptor();
  // One ciphertext per number: the same person's number on their account and on their
  // registrations. (A repeated ciphertext reveals only equality, which the hash reveals anyway.)
  const cache = new Map<string, Encrypted>();
  const encrypt = (id: string | null): Encrypted | null => {
    if (id === null) return null;
    let e = cache.get(id);
    if (!e) cache.set(id, (e = encryptNationalId(id)));
    return e;
  };

  const client = await connect(databaseUrl);
  const started = Date.now();
  const step = async (label: string, count: number, work: () => Promise<void>) => {
    const t = Date.now();
    await work();
    log(`  ${label}: ${count.toLocaleString("en-US")} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off");
    if (options.replaceExisting) {
      const t = Date.now();
      await truncateWith(client);
      log(`  emptied the tables in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    const deferredKeys = await skipForeignKeyTriggers(client);

    await step("Unit", data.units.length, () =>
      insertRows(
        client,
        "Unit",
        data.units,
        (col) => [
          col("id", "int4", (u) => u.id),
          col("code", "text", (u) => u.code),
          col("name", "text", (u) => u.name),
          col("county", "text", (u) => u.county),
          col("stage", { enum: "UnitStage" }, (u) => u.stage),
          col("address", "text", (u) => u.address),
          col("phone", "text", (u) => u.phone),
          col("createdAt", "timestamp", (u) => ts(u.createdAt)),
          col("updatedAt", "timestamp", (u) => ts(u.updatedAt)),
        ],
        5000,
      ),
    );

    const users = data.users.map((u) => ({ u, e: encrypt(u.nationalId) }));
    await step("User", users.length, () =>
      insertRows(
        client,
        "User",
        users,
        (col) => [
          col("id", "int4", (r) => r.u.id),
          col("username", "text", (r) => r.u.username.toLowerCase()),
          col("passwordHash", "text", () => options.passwordHash),
          col("role", { enum: "Role" }, (r) => r.u.role),
          col("name", "text", (r) => r.u.name),
          col("gender", { enum: "Gender" }, (r) => r.u.gender),
          col("email", "text", (r) => r.u.email),
          col("unitId", "int4", (r) => r.u.unitId),
          col("positionType", { enum: "PositionType" }, (r) => r.u.positionType),
          col("regionCounties", "text[]", (r) => textArrayLiteral(r.u.regionCounties)),
          col("nationalIdCipher", "text", (r) => r.e?.cipher ?? null),
          col("nationalIdKeyId", "text", (r) => r.e?.keyId ?? null),
          col("nationalIdHash", "text", (r) => r.e?.hash ?? null),
          col("mobile", "text", (r) => r.u.mobile),
          col("jobTitle", "text", (r) => r.u.jobTitle),
          col("subject", "text", (r) => r.u.subject),
          col("birthday", "date", (r) => r.u.birthday),
          col("passwordChangedAt", "timestamp", (r) => ts(r.u.passwordChangedAt)),
          col("createdAt", "timestamp", (r) => ts(r.u.createdAt)),
          col("updatedAt", "timestamp", (r) => ts(r.u.updatedAt)),
        ],
        5000,
      ),
    );

    await step("Course", data.courses.length, () =>
      insertRows(
        client,
        "Course",
        data.courses,
        (col) => [
          col("id", "int4", (c) => c.id),
          col("code", "text", (c) => c.code),
          col("title", "text", (c) => c.title),
          col("classType", { enum: "ClassType" }, (c) => c.classType),
          col("category", "text", (c) => c.category),
          col("subjectPath", "text", (c) => c.subjectPath),
          col("schoolYear", "int4", (c) => c.schoolYear),
          col("semester", "int4", (c) => c.semester),
          col("startDate", "date", (c) => c.startDate),
          col("endDate", "date", (c) => c.endDate),
          col("timeSlot", { enum: "TimeSlot" }, (c) => c.timeSlot),
          col("venue", "text", (c) => c.venue),
          col("venueCounty", "text", (c) => c.venueCounty),
          col("hours", "float8", (c) => c.hours),
          col("credits", "int4", (c) => c.credits),
          col("description", "text", (c) => c.description),
          col("audience", "text", (c) => c.audience),
          col("classCount", "int4", (c) => c.classCount),
          col("seatsPerClass", "int4", (c) => c.seatsPerClass),
          col("capacity", "int4", (c) => c.capacity),
          // Seat counters start at 0 and are computed from the registrations below.
          col("approvedCount", "int4", () => 0),
          col("fee", "int4", (c) => c.fee),
          col("paymentMethod", "text", (c) => c.paymentMethod),
          col("organizerId", "int4", (c) => c.organizerId),
          col("contactName", "text", (c) => c.contactName),
          col("contactPhone", "text", (c) => c.contactPhone),
          col("contactEmail", "text", (c) => c.contactEmail),
          col("tags", "text[]", (c) => textArrayLiteral(c.tags)),
          col("listedAt", "timestamp", (c) => ts(c.listedAt)),
          col("registrationOpensAt", "timestamp", (c) => ts(c.registrationOpensAt)),
          col("registrationClosesAt", "timestamp", (c) => ts(c.registrationClosesAt)),
          col("onlineRegistration", "bool", (c) => c.onlineRegistration),
          col("formFields", "text[]", (c) => textArrayLiteral(c.formFields)),
          col("eligibility", { enum: "Eligibility" }, (c) => c.eligibility),
          col("admissionMode", { enum: "AdmissionMode" }, (c) => c.admissionMode),
          col("waitlistLimit", "int4", (c) => c.waitlistLimit),
          col("status", { enum: "CourseStatus" }, (c) => c.status),
          col("statusNote", "text", (c) => c.statusNote),
          col("publishedAt", "timestamp", (c) => ts(c.publishedAt)),
          col("cancelledAt", "timestamp", (c) => ts(c.cancelledAt)),
          col("createdAt", "timestamp", (c) => ts(c.createdAt)),
          col("updatedAt", "timestamp", (c) => ts(c.updatedAt)),
        ],
        4000,
      ),
    );

    const registrations = data.registrations.map((r) => ({ r, e: encrypt(r.nationalId) }));
    await step("Registration", registrations.length, () =>
      insertRows(
        client,
        "Registration",
        registrations,
        (col) => [
          col("id", "int4", (x) => x.r.id),
          col("courseId", "int4", (x) => x.r.courseId),
          col("userId", "int4", (x) => x.r.userId),
          col("status", { enum: "RegistrationStatus" }, (x) => x.r.status),
          col("answers", "jsonb", (x) => JSON.stringify(x.r.answers)),
          col("nationalIdCipher", "text", (x) => x.e?.cipher ?? null),
          col("nationalIdKeyId", "text", (x) => x.e?.keyId ?? null),
          col("nationalIdHash", "text", (x) => x.e?.hash ?? null),
          col("registeredAt", "timestamp", (x) => ts(x.r.registeredAt)),
          col("statusChangedAt", "timestamp", (x) => ts(x.r.statusChangedAt)),
          col("decisionNote", "text", (x) => x.r.decisionNote),
          col("attended", "bool", (x) => x.r.attended),
          col("createdAt", "timestamp", (x) => ts(x.r.createdAt)),
          col("updatedAt", "timestamp", (x) => ts(x.r.updatedAt)),
        ],
        10000,
      ),
    );

    await step("RegistrationEvent", data.registrationEvents.length, () =>
      insertRows(
        client,
        "RegistrationEvent",
        data.registrationEvents,
        (col) => [
          col("id", "int8", (e) => e.id),
          col("registrationId", "int4", (e) => e.registrationId),
          col("actorId", "int4", (e) => e.actorId),
          col("fromStatus", { enum: "RegistrationStatus" }, (e) => e.fromStatus),
          col("toStatus", { enum: "RegistrationStatus" }, (e) => e.toStatus),
          col("reason", "text", (e) => e.reason),
          col("createdAt", "timestamp", (e) => ts(e.createdAt)),
        ],
        20000,
      ),
    );

    await step("Follow", data.follows.length, () =>
      insertRows(
        client,
        "Follow",
        data.follows,
        (col) => [
          col("userId", "int4", (f) => f.userId),
          col("courseId", "int4", (f) => f.courseId),
          col("createdAt", "timestamp", (f) => ts(f.createdAt)),
        ],
        20000,
      ),
    );

    await step("TrainingRecord", data.trainingRecords.length, () =>
      insertRows(
        client,
        "TrainingRecord",
        data.trainingRecords,
        (col) => [
          col("id", "int4", (t) => t.id),
          col("userId", "int4", (t) => t.userId),
          col("courseId", "int4", (t) => t.courseId),
          col("hours", "float8", (t) => t.hours),
          col("schoolYear", "int4", (t) => t.schoolYear),
          col("completedOn", "date", (t) => t.completedOn),
          col("createdAt", "timestamp", (t) => ts(t.createdAt)),
          col("updatedAt", "timestamp", (t) => ts(t.updatedAt)),
        ],
        20000,
      ),
    );

    if (deferredKeys) {
      await client.query("SET LOCAL session_replication_role = origin");
      const t = Date.now();
      await checkForeignKeys(client);
      log(`  foreign keys checked in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }

    for (const [key, value] of Object.entries(options.settings ?? {})) {
      await client.query(
        `INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES ($1, $2::jsonb, now())
         ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "updatedAt" = now()`,
        [key, JSON.stringify(value)],
      );
    }

    // The seat counters that enrol and review keep up to date, computed once from the rows.
    await client.query(`
      UPDATE "Course" c SET
        "approvedCount" = COALESCE(r.approved, 0),
        "waitlistedCount" = COALESCE(r.waitlisted, 0),
        "activeCount" = COALESCE(r.active, 0)
      FROM "Course" c2
      LEFT JOIN (
        SELECT "courseId",
          count(*) FILTER (WHERE status = 'APPROVED') AS approved,
          count(*) FILTER (WHERE status = 'WAITLISTED') AS waitlisted,
          count(*) FILTER (WHERE status IN ('PENDING', 'APPROVED', 'WAITLISTED')) AS active
        FROM "Registration" GROUP BY "courseId"
      ) r ON r."courseId" = c2.id
      WHERE c.id = c2.id`);

    // Explicit ids leave the sequences at 1: move each past the highest id.
    for (const table of ["Unit", "User", "Course", "Registration", "RegistrationEvent", "TrainingRecord"]) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT MAX("id") FROM "${table}"), 0) + 1, false)`,
      );
    }
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end().catch(() => {});
  }

  // Fresh statistics, so the first searches get good plans.
  const analyze = await connect(databaseUrl);
  try {
    await analyze.query(`ANALYZE "Unit", "User", "Course", "Registration", "RegistrationEvent", "Follow", "TrainingRecord"`);
  } finally {
    await analyze.end();
  }
  log(`  written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
