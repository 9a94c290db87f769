/**
 * @jest-environment node
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { useTestDatabase } from "../support/database";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { dispatchMail, queueRegistrationMails, queuePasswordResetMail } from "@/lib/mail/outbox";
import { MAIL_SWEEP_CRON, startJobs, stopJobs } from "@/lib/jobs/start";
import { getBoss, QUEUES } from "@/lib/jobs/queue";
import { MAX_ATTEMPTS, sendQueuedMail } from "@/lib/mail/send-outbox";
import { closeMailTransport } from "@/lib/mail/transport";
import { listCaughtMail } from "@/lib/mail/catcher-store";
import { startMailCatcher, type MailCatcher } from "../../scripts/mail/dev-smtp";
import { createOpenCourse, createTeachers, createUnit } from "../support/factories";

useTestDatabase();

const dirs: string[] = [];
const catchers: MailCatcher[] = [];
function tempDir() {
  const d = mkdtempSync(path.join(tmpdir(), "inservice-mail-"));
  dirs.push(d);
  return d;
}
async function catcherOn(port: number, dir = tempDir()) {
  const c = await startMailCatcher({ port, dir });
  catchers.push(c);
  return c;
}
function useSmtp(url: string) {
  process.env.SMTP_URL = url;
  process.env.MAIL_FROM = "全國教師在職進修資訊網 <no-reply@inservice.test>";
  resetEnvForTests();
  closeMailTransport();
}
/** A port nothing listens on (taken and released). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

afterAll(async () => {
  closeMailTransport();
  for (const c of catchers) await c.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  delete process.env.SMTP_URL;
  resetEnvForTests();
});

async function queueReviewMail() {
  const unit = await createUnit({ name: "臺北市立郵件測試國民中學" });
  const course = await createOpenCourse(unit.id, { title: "郵件測試研習" });
  const [t] = await createTeachers(1);
  const reg = await db.registration.create({ data: { courseId: course.id, userId: t.id, status: "APPROVED" } });
  const n = await db.$transaction((tx) => queueRegistrationMails(tx, [reg.id], "review-result"));
  expect(n).toBe(1);
  const mail = await db.mailMessage.findFirstOrThrow({ where: { registrationId: reg.id } });
  return { mail, course, teacher: await db.user.findUniqueOrThrow({ where: { id: t.id } }) };
}

test("a queued mail is delivered to the SMTP server and marked SENT", async () => {
  const catcher = await catcherOn(0);
  useSmtp(catcher.url);
  const { mail, course, teacher } = await queueReviewMail();
  expect(mail.status).toBe("QUEUED");

  const result = await sendQueuedMail();
  expect(result).toMatchObject({ sent: 1, retrying: 0, failed: 0 });

  const caught = listCaughtMail(catcher.dir);
  expect(caught).toHaveLength(1);
  expect(caught[0].to).toEqual([teacher.email]);
  expect(caught[0].from).toBe("全國教師在職進修資訊網 <no-reply@inservice.test>");
  expect(caught[0].subject).toBe(`【全國教師在職進修資訊網】研習錄取審核結果：郵件測試研習（${course.code}）— 審核通過`);
  expect(caught[0].text).toContain(`${teacher.name} 老師您好`);
  expect(caught[0].text).toContain(`/courses/${course.code}`);

  const row = await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } });
  expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
  expect(row.sentAt).toBeInstanceOf(Date);
  expect(row.messageId).toBe(caught[0].messageId);

  // Sent once: another run finds nothing.
  expect(await sendQueuedMail()).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
  expect(listCaughtMail(catcher.dir)).toHaveLength(1);
});

test("with the server down the mail waits (attempts, lastError), is not retried before its time, then goes when the server is up", async () => {
  const port = await freePort();
  useSmtp(`smtp://127.0.0.1:${port}`);
  const { mail } = await queueReviewMail();

  const down = await sendQueuedMail();
  expect(down).toMatchObject({ sent: 0, retrying: 1, failed: 0 });
  let row = await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } });
  expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
  expect(row.lastError).toMatch(/ECONNREFUSED|ECONNECTION/);

  // The first retry waits a minute after the mail was written.
  const catcher = await catcherOn(port);
  expect(catcher.port).toBe(port);
  expect(await sendQueuedMail()).toMatchObject({ sent: 0, retrying: 0 });
  expect(await sendQueuedMail({ now: () => new Date(Date.now() + 61_000) })).toMatchObject({ sent: 1 });
  row = await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } });
  expect(row).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
  expect(listCaughtMail(catcher.dir).map((m) => m.subject)).toEqual([mail.subject]);
});

test("after the last attempt a mail is FAILED and left alone; one unreachable server stops the run early", async () => {
  useSmtp(`smtp://127.0.0.1:${await freePort()}`);
  const { mail } = await queueReviewMail();
  const other = await queueReviewMail();
  await db.mailMessage.update({ where: { id: mail.id }, data: { attempts: MAX_ATTEMPTS - 1 } });

  // The server cannot be reached: the first failure ends the run, the second mail is not tried.
  const r = await sendQueuedMail({ retryBaseSeconds: 0 });
  expect(r).toMatchObject({ sent: 0, failed: 1, retrying: 0 });
  expect(await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
  expect(await db.mailMessage.findUniqueOrThrow({ where: { id: other.mail.id } })).toMatchObject({ status: "QUEUED", attempts: 0 });

  const catcher = await catcherOn(0);
  useSmtp(catcher.url);
  expect(await sendQueuedMail({ retryBaseSeconds: 0 })).toMatchObject({ sent: 1, failed: 0 });
  expect(await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: "FAILED" });
  expect(listCaughtMail(catcher.dir)).toHaveLength(1);
});

test("two senders at once deliver each mail exactly once", async () => {
  const catcher = await catcherOn(0);
  useSmtp(catcher.url);
  const teachers = await createTeachers(6);
  await db.$transaction(async (tx) => {
    for (const t of teachers) {
      await queuePasswordResetMail(tx, { userId: t.id, toAddress: `p${t.id}@example.edu.tw`, name: t.name, username: `u${t.id}`, link: "http://localhost/reset-password?token=x", expiresAt: new Date() });
    }
  });
  const [a, b] = await Promise.all([sendQueuedMail(), sendQueuedMail()]);
  expect(a.sent + b.sent).toBe(6);
  const caught = listCaughtMail(catcher.dir);
  expect(caught).toHaveLength(6);
  expect(new Set(caught.flatMap((m) => m.to)).size).toBe(6);
  expect(await db.mailMessage.count({ where: { kind: "password-reset", status: "SENT" } })).toBe(6);
});

test("the mail-send job delivers what a use case queued (dispatchMail), and a sweep runs every minute", async () => {
  const catcher = await catcherOn(0);
  useSmtp(catcher.url);
  await startJobs({ pollingIntervalSeconds: 0.5, prepareIndex: false, log: () => {} });
  try {
    const schedules = await (await getBoss()).getSchedules();
    expect(schedules).toEqual(expect.arrayContaining([expect.objectContaining({ name: QUEUES.mailSend, cron: MAIL_SWEEP_CRON })]));
    const { mail } = await queueReviewMail();
    await dispatchMail();
    const deadline = Date.now() + 20_000;
    while (listCaughtMail(catcher.dir).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(listCaughtMail(catcher.dir).map((m) => m.subject)).toEqual([mail.subject]);
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: "SENT" });
  } finally {
    await stopJobs();
  }
});

test("without SMTP_URL nothing is tried and the mail stays queued", async () => {
  delete process.env.SMTP_URL;
  resetEnvForTests();
  closeMailTransport();
  const { mail } = await queueReviewMail();
  expect(await sendQueuedMail()).toMatchObject({ notConfigured: true, sent: 0 });
  expect(await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: "QUEUED", attempts: 0 });
});
