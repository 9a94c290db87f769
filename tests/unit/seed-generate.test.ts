/**
 * @jest-environment node
 */
import { isIdCardNumber } from "taiwan-id-validator";
import { DEMO_ACCOUNTS, DEMO_SCHOOL, FIXTURE_COURSES, teacherUsername } from "../../prisma/seed/accounts";
import { FORM_FIELDS, generateDemoData, type DemoData, type RegistrationStatus } from "../../prisma/seed/generate";
import { COUNTIES, STAGES } from "../../prisma/seed/vocabulary";
import { isTagName, TAG_NAMES } from "@/lib/courses/tags";

const options = { seed: 7, today: "2026-03-15", units: 60, teachers: 300, courses: 1000 };
/** 00:00 of the seed's today in Asia/Taipei. */
const NOW = Date.parse(`${options.today}T00:00:00+08:00`);
const taipeiMidnight = (date: string) => Date.parse(`${date}T00:00:00+08:00`);

let data: DemoData;

beforeAll(() => {
  data = generateDemoData(options);
});

/** Runs a check on every item and lists the failures (much faster than one expect per item). */
function problems<T>(items: readonly T[], check: (item: T) => string | false | null | undefined): string[] {
  const out: string[] = [];
  for (const item of items) {
    const problem = check(item);
    if (problem) out.push(problem);
    if (out.length >= 20) break;
  }
  return out;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

describe("determinism", () => {
  test("the same options give deep-equal output", () => {
    expect(generateDemoData(options)).toEqual(data);
  });

  test("a different seed gives different output", () => {
    const other = generateDemoData({ ...options, seed: 8 });
    expect(other.users.map((u) => u.name)).not.toEqual(data.users.map((u) => u.name));
    expect(other.courses.map((c) => c.title)).not.toEqual(data.courses.map((c) => c.title));
  });

  test("sizes follow the options; the defaults are the demo sizes", () => {
    expect(data.units).toHaveLength(60);
    expect(data.users.filter((u) => /^t\d{6}$/.test(u.username))).toHaveLength(300);
    expect(data.courses).toHaveLength(1000 + Object.keys(FIXTURE_COURSES).length);
    const full = generateDemoData({ seed: 1, today: options.today });
    expect(full.units.length).toBeGreaterThanOrEqual(800);
    expect(full.users.filter((u) => u.role === "TEACHER").length).toBeGreaterThanOrEqual(5000);
    expect(full.courses.length).toBeGreaterThanOrEqual(20000);
    expect(full.registrations.length).toBeGreaterThanOrEqual(40000);
    expect(full.registrations.length).toBeLessThanOrEqual(120000);
  });
});

describe("units", () => {
  test("all 22 counties and all 11 stages are used", () => {
    expect(new Set(data.units.map((u) => u.county))).toEqual(new Set(COUNTIES));
    expect(new Set(data.units.map((u) => u.stage))).toEqual(new Set(STAGES));
    expect(new Set(data.courses.map((c) => c.venueCounty)).size).toBeGreaterThanOrEqual(15);
  });

  test("codes are unique 6-digit numbers, names are unique and written with 臺", () => {
    const codes = data.units.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    const names = data.units.map((u) => u.name);
    expect(new Set(names).size).toBe(names.length);
    for (const u of data.units) {
      expect(u.name).not.toContain("台");
      expect(u.address.startsWith(u.county)).toBe(true);
    }
    expect(data.units.find((u) => u.code === DEMO_SCHOOL.code)?.name).toBe(DEMO_SCHOOL.name);
  });
});

describe("users", () => {
  test("usernames are unique; teachers are t000001 … with example e-mail addresses", () => {
    const usernames = data.users.map((u) => u.username);
    expect(new Set(usernames).size).toBe(usernames.length);
    expect(usernames).toContain(teacherUsername(1));
    expect(usernames).toContain(teacherUsername(300));
    for (const u of data.users) expect(u.email).toMatch(/@example\.(edu|gov)\.tw$/);
  });

  test("every national ID passes the checksum and is unique; a few are resident certificates", () => {
    const ids = data.users.filter((u) => u.role === "TEACHER").map((u) => u.nationalId);
    for (const id of ids) {
      expect(id).not.toBeNull();
      expect(isIdCardNumber(id!)).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
    const full = generateDemoData({ seed: 3, today: options.today, courses: 10 });
    expect(full.users.some((u) => /^[A-Z][89]/.test(u.nationalId ?? ""))).toBe(true);
    for (const u of full.users) if (u.nationalId) expect(isIdCardNumber(u.nationalId)).toBe(true);
  });

  test("the demo accounts exist with their roles", () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = data.users.find((u) => u.username === account.username);
      expect(user?.role).toBe(account.role);
      expect(user?.name).toBe(account.name);
      if (account.unitName) {
        expect(data.units.find((u) => u.id === user?.unitId)?.name).toBe(account.unitName);
      }
    }
  });

  test("organizers belong to a unit; region admins cover counties", () => {
    for (const u of data.users) {
      if (u.role === "ORGANIZER") expect(u.unitId).not.toBeNull();
      if (u.role === "REGION_ADMIN") expect(u.regionCounties.length).toBeGreaterThan(0);
    }
  });
});

describe("courses", () => {
  test("codes are unique 7-digit numbers; fixture codes are present", () => {
    const codes = data.courses.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^\d{7}$/);
    for (const code of Object.values(FIXTURE_COURSES)) expect(codes).toContain(code);
  });

  test("schoolYear and semester match startDate", () => {
    expect(
      problems(data.courses, (c) => {
        const year = Number(c.startDate.slice(0, 4));
        const month = Number(c.startDate.slice(5, 7));
        const schoolYear = month >= 8 ? year - 1911 : year - 1912;
        const semester = month >= 8 || month === 1 ? 1 : 2;
        if (c.schoolYear !== schoolYear || c.semester !== semester) return `${c.code}: ${c.startDate} is ${schoolYear}-${semester}, not ${c.schoolYear}-${c.semester}`;
        return c.endDate < c.startDate && `${c.code}: ends before it starts`;
      }),
    ).toEqual([]);
  });

  test("course fields stay in their ranges", () => {
    expect(
      problems(data.courses, (c) => {
        if (c.capacity !== c.classCount * c.seatsPerClass) return `${c.code}: capacity`;
        if (c.hours < 1 || c.hours > 18 || (c.hours * 2) % 1 !== 0) return `${c.code}: hours ${c.hours}`;
        if (c.tags.length > 3 || new Set(c.tags).size !== c.tags.length) return `${c.code}: tags ${c.tags}`;
        if (c.waitlistLimit < 0 || c.waitlistLimit > 20) return `${c.code}: waitlist ${c.waitlistLimit}`;
        if ((c.fee === 0) !== (c.paymentMethod === "無")) return `${c.code}: fee ${c.fee} ${c.paymentMethod}`;
        if (c.classType === "CREDIT" && !c.credits) return `${c.code}: credit class without credits`;
        if (new Set(c.formFields).size !== c.formFields.length || c.formFields.some((f) => !FORM_FIELDS.includes(f))) return `${c.code}: form fields`;
        if (!c.title || !c.description || !c.audience || !c.venue || !c.contactName) return `${c.code}: empty text`;
        return false;
      }),
    ).toEqual([]);
  });

  test("專案屬性標籤 are names from the managed list only (no aliases such as 性平教育), and many of them occur", () => {
    expect(problems(data.courses, (c) => c.tags.some((t) => !isTagName(t)) && `${c.code}: tags ${c.tags}`)).toEqual([]);
    const used = new Set(data.courses.flatMap((c) => c.tags));
    expect(used.has("性別平等教育")).toBe(true);
    expect(used.size).toBeGreaterThan(TAG_NAMES.length / 2);
  });

  test("registration windows: listed, then open, then close before the course starts", () => {
    expect(
      problems(data.courses, (c) => {
        if (c.listedAt.getTime() >= NOW) return `${c.code}: listed in the future`;
        if (!c.onlineRegistration) {
          return (c.formFields.length > 0 || c.registrationOpensAt !== null) && `${c.code}: offline course with a form`;
        }
        const opens = c.registrationOpensAt!.getTime();
        const closes = c.registrationClosesAt!.getTime();
        if (c.listedAt.getTime() > opens) return `${c.code}: opens before it is listed`;
        if (opens >= closes) return `${c.code}: closes before it opens`;
        if (closes > taipeiMidnight(c.startDate)) return `${c.code}: registration closes after the start`;
        if (c.publishedAt && c.publishedAt.getTime() > opens) return `${c.code}: opens before it is published`;
        return false;
      }),
    ).toEqual([]);
  });

  test("statuses: all four present; published ones have publishedAt, cancelled ones cancelledAt", () => {
    expect(new Set(data.courses.map((c) => c.status))).toEqual(new Set(["DRAFT", "SUBMITTED", "PUBLISHED", "CANCELLED"]));
    for (const c of data.courses) {
      if (c.status === "PUBLISHED") expect(c.publishedAt).not.toBeNull();
      if (c.status === "CANCELLED") {
        expect(c.cancelledAt).not.toBeNull();
        expect(c.statusNote).toBeTruthy();
      }
      if (c.status === "DRAFT" || c.status === "SUBMITTED") {
        expect(c.publishedAt).toBeNull();
        expect(c.startDate >= options.today).toBe(true);
      }
    }
  });

  test("registration windows relative to today: open now, opens later and closed all occur", () => {
    const published = data.courses.filter((c) => c.status === "PUBLISHED" && c.onlineRegistration);
    const openNow = published.filter((c) => c.registrationOpensAt!.getTime() <= NOW && c.registrationClosesAt!.getTime() > NOW);
    const later = published.filter((c) => c.registrationOpensAt!.getTime() > NOW);
    const closed = published.filter((c) => c.registrationClosesAt!.getTime() <= NOW);
    expect(openNow.length).toBeGreaterThan(5);
    expect(later.length).toBeGreaterThan(5);
    expect(closed.length).toBeGreaterThan(500);
  });

  test("titles can be found by the words teachers search for", () => {
    const titles = data.courses.map((c) => c.title);
    const words = ["國中", "國小", "高中", "高職", "數學", "特教", "特殊教育", "閱讀", "資訊"];
    expect(words.filter((word) => !titles.some((t) => t.includes(word)))).toEqual([]);
    expect(titles.some((t) => t.includes("性平") || t.includes("性別平等"))).toBe(true);
    for (const t of titles) expect(t).not.toContain("台");
  });
});

describe("registrations", () => {
  test("approvedCount equals the APPROVED registrations and never exceeds capacity", () => {
    const byCourse = groupBy(data.registrations, (r) => r.courseId);
    for (const c of data.courses) {
      const approved = (byCourse.get(c.id) ?? []).filter((r) => r.status === "APPROVED").length;
      expect([c.code, c.approvedCount]).toEqual([c.code, approved]);
      expect(c.approvedCount).toBeLessThanOrEqual(c.capacity);
    }
  });

  test("at most one registration per (course, teacher), only by teachers, only on open published courses", () => {
    const keys = new Set<string>();
    const users = new Map(data.users.map((u) => [u.id, u]));
    const courses = new Map(data.courses.map((c) => [c.id, c]));
    expect(
      problems(data.registrations, (r) => {
        const key = `${r.courseId}:${r.userId}`;
        if (keys.has(key)) return `${key}: registered twice`;
        keys.add(key);
        if (users.get(r.userId)?.role !== "TEACHER") return `${key}: not a teacher`;
        const c = courses.get(r.courseId)!;
        if (c.status !== "PUBLISHED" || !c.onlineRegistration) return `${key}: course ${c.status}, online ${c.onlineRegistration}`;
        const at = r.registeredAt.getTime();
        if (at < c.registrationOpensAt!.getTime() || at >= c.registrationClosesAt!.getTime() || at >= NOW) return `${key}: registered outside the window`;
        if (r.statusChangedAt.getTime() < at || r.statusChangedAt.getTime() >= NOW) return `${key}: statusChangedAt`;
        return false;
      }),
    ).toEqual([]);
  });

  test("every reference points at an existing row", () => {
    const unitIds = new Set(data.units.map((u) => u.id));
    const userIds = new Set(data.users.map((u) => u.id));
    const courseIds = new Set(data.courses.map((c) => c.id));
    const registrationIds = new Set(data.registrations.map((r) => r.id));
    expect(unitIds.size).toBe(data.units.length);
    expect(userIds.size).toBe(data.users.length);
    expect(courseIds.size).toBe(data.courses.length);
    expect(registrationIds.size).toBe(data.registrations.length);
    expect(problems(data.users, (u) => u.unitId !== null && !unitIds.has(u.unitId) && `user ${u.id}`)).toEqual([]);
    expect(problems(data.courses, (c) => !unitIds.has(c.organizerId) && `course ${c.id}`)).toEqual([]);
    expect(problems(data.registrations, (r) => (!courseIds.has(r.courseId) || !userIds.has(r.userId)) && `registration ${r.id}`)).toEqual([]);
    expect(
      problems(data.registrationEvents, (e) => (!registrationIds.has(e.registrationId) || (e.actorId !== null && !userIds.has(e.actorId))) && `event ${e.id}`),
    ).toEqual([]);
    expect(problems(data.follows, (f) => (!courseIds.has(f.courseId) || !userIds.has(f.userId)) && `follow ${f.userId}:${f.courseId}`)).toEqual([]);
    expect(problems(data.trainingRecords, (t) => (!courseIds.has(t.courseId) || !userIds.has(t.userId)) && `record ${t.id}`)).toEqual([]);
  });

  test("every status is present", () => {
    const statuses = new Set(data.registrations.map((r) => r.status));
    expect(statuses).toEqual(new Set<RegistrationStatus>(["PENDING", "APPROVED", "REJECTED", "WAITLISTED", "CANCELLED"]));
  });

  test("OWN_UNIT_ONLY registrations come only from teachers of the organizing unit", () => {
    const users = new Map(data.users.map((u) => [u.id, u]));
    const own = new Map(data.courses.filter((c) => c.eligibility === "OWN_UNIT_ONLY").map((c) => [c.id, c]));
    let seen = 0;
    for (const r of data.registrations) {
      const c = own.get(r.courseId);
      if (!c) continue;
      seen++;
      expect(users.get(r.userId)?.unitId).toBe(c.organizerId);
    }
    expect(seen).toBeGreaterThan(0);
  });

  test("answers fill the course's fields, never the national ID, which is kept apart", () => {
    const courses = new Map(data.courses.map((c) => [c.id, c]));
    const users = new Map(data.users.map((u) => [u.id, u]));
    expect(
      problems(data.registrations, (r) => {
        const c = courses.get(r.courseId)!;
        const expected = c.formFields.filter((f) => f !== "nationalId").sort().join(",");
        if (Object.keys(r.answers).sort().join(",") !== expected) return `${r.id}: answers ${Object.keys(r.answers)} for ${c.formFields}`;
        if (/[A-Z][1289]\d{8}/.test(JSON.stringify(r.answers))) return `${r.id}: a national ID among the answers`;
        if (c.formFields.includes("nationalId") ? r.nationalId !== users.get(r.userId)?.nationalId : r.nationalId !== null) return `${r.id}: national ID`;
        if (r.answers.meal && !["葷食", "素食", "不用餐"].includes(r.answers.meal)) return `${r.id}: meal ${r.answers.meal}`;
        if (r.answers.lodging && !["住宿", "不住宿"].includes(r.answers.lodging)) return `${r.id}: lodging`;
        if (r.answers.transport && !["自行前往", "搭乘交通車"].includes(r.answers.transport)) return `${r.id}: transport`;
        if (r.answers.parking && !["需要", "不需要"].includes(r.answers.parking)) return `${r.id}: parking`;
        if (r.answers.birthday && !/^\d{4}-\d{2}-\d{2}$/.test(r.answers.birthday)) return `${r.id}: birthday`;
        if (r.answers.emergencyContact && !/^09\d{8}$/.test(r.answers.emergencyContact.phone)) return `${r.id}: emergency contact`;
        return false;
      }),
    ).toEqual([]);
    expect(FORM_FIELDS).toHaveLength(11);
  });

  test("events: creation first, a chain of changes, the last one is the current status", () => {
    const events = groupBy(data.registrationEvents, (e) => e.registrationId);
    const ids = new Set(data.registrationEvents.map((e) => e.id));
    expect(ids.size).toBe(data.registrationEvents.length);
    expect(
      problems(data.registrations, (r) => {
        const list = events.get(r.id) ?? [];
        if (list.length === 0) return `${r.id}: no events`;
        if (list[0].fromStatus !== null || list[0].toStatus !== "PENDING" || list[0].actorId !== r.userId) return `${r.id}: first event`;
        if (list[0].createdAt.getTime() !== r.registeredAt.getTime()) return `${r.id}: created at another time`;
        for (let i = 1; i < list.length; i++) {
          if (list[i].fromStatus !== list[i - 1].toStatus) return `${r.id}: broken chain`;
          if (list[i].createdAt < list[i - 1].createdAt) return `${r.id}: events out of order`;
        }
        const last = list[list.length - 1];
        if (last.toStatus !== r.status) return `${r.id}: last event ${last.toStatus}, status ${r.status}`;
        if (last.createdAt.getTime() !== r.statusChangedAt.getTime()) return `${r.id}: statusChangedAt`;
        return r.status !== "PENDING" && list.length < 2 && `${r.id}: no decision event`;
      }),
    ).toEqual([]);
  });

  test("past courses: attendance on approved registrations and training records for attendees", () => {
    const courses = new Map(data.courses.map((c) => [c.id, c]));
    const records = new Map(data.trainingRecords.map((t) => [`${t.courseId}:${t.userId}`, t]));
    expect(records.size).toBe(data.trainingRecords.length);
    expect(
      problems(data.registrations, (r) => {
        const c = courses.get(r.courseId)!;
        if ((r.status !== "APPROVED" || c.endDate >= options.today) && r.attended !== null) return `${r.id}: attendance recorded`;
        const record = records.get(`${r.courseId}:${r.userId}`);
        if (!r.attended) return record !== undefined && `${r.id}: record without attendance`;
        if (!record) return `${r.id}: attended without a record`;
        return (record.hours !== c.hours || record.schoolYear !== c.schoolYear || record.completedOn !== c.endDate) && `${r.id}: record values`;
      }),
    ).toEqual([]);
    expect(data.trainingRecords.length).toBeGreaterThan(0);
  });

  test("follows are unique and point at published courses", () => {
    const keys = new Set(data.follows.map((f) => `${f.userId}:${f.courseId}`));
    expect(keys.size).toBe(data.follows.length);
    const published = new Set(data.courses.filter((c) => c.publishedAt).map((c) => c.id));
    for (const f of data.follows) {
      expect(published.has(f.courseId)).toBe(true);
      expect(f.createdAt.getTime()).toBeLessThan(NOW);
    }
  });
});

describe("fixtures and demo accounts", () => {
  const course = (code: string) => data.courses.find((c) => c.code === code)!;
  const regsOf = (code: string) => data.registrations.filter((r) => r.courseId === course(code).id);

  test("fixture courses are what their names say", () => {
    const school = data.units.find((u) => u.code === DEMO_SCHOOL.code)!;
    for (const code of Object.values(FIXTURE_COURSES)) expect(course(code).organizerId).toBe(school.id);

    const auto = course(FIXTURE_COURSES.openAutomatic);
    expect([auto.capacity, auto.admissionMode, regsOf(auto.code).length]).toEqual([100, "AUTOMATIC", 0]);
    expect(auto.registrationOpensAt!.getTime()).toBeLessThanOrEqual(NOW);

    const full = course(FIXTURE_COURSES.fullAutomatic);
    const fullRegs = regsOf(full.code);
    expect(full.approvedCount).toBe(full.capacity);
    expect(fullRegs.filter((r) => r.status === "WAITLISTED")).toHaveLength(full.waitlistLimit);

    expect(course(FIXTURE_COURSES.ownUnitOnly).eligibility).toBe("OWN_UNIT_ONLY");
    expect(course(FIXTURE_COURSES.opensLater).registrationOpensAt!.getTime()).toBeGreaterThan(NOW);
    expect(course(FIXTURE_COURSES.closed).registrationClosesAt!.getTime()).toBeLessThanOrEqual(NOW);
    expect(course(FIXTURE_COURSES.noOnline).onlineRegistration).toBe(false);
    expect(course(FIXTURE_COURSES.cancelled).status).toBe("CANCELLED");
    expect(course(FIXTURE_COURSES.everyField).formFields).toEqual([...FORM_FIELDS]);
    expect(course(FIXTURE_COURSES.submitted).status).toBe("SUBMITTED");
    expect(course(FIXTURE_COURSES.draft).status).toBe("DRAFT");
    expect(new Set(regsOf(FIXTURE_COURSES.openManual).map((r) => r.status)).size).toBe(5);
  });

  test("the demo teacher has registrations in every status, hours and follows", () => {
    const teacher = data.users.find((u) => u.username === "teacher")!;
    const mine = data.registrations.filter((r) => r.userId === teacher.id);
    expect(new Set(mine.map((r) => r.status))).toEqual(new Set(["PENDING", "APPROVED", "REJECTED", "WAITLISTED", "CANCELLED"]));
    const past = course(FIXTURE_COURSES.pastCompleted);
    expect(data.trainingRecords.some((t) => t.userId === teacher.id && t.courseId === past.id)).toBe(true);
    expect(data.follows.filter((f) => f.userId === teacher.id).length).toBeGreaterThanOrEqual(3);
    const schoolteacher = data.users.find((u) => u.username === "schoolteacher")!;
    expect(data.registrations.filter((r) => r.userId === schoolteacher.id).length).toBeGreaterThan(0);
  });
});
