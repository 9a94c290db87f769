// The deterministic demo-data generator: a pure function from options to plain objects.
// No database, no Prisma, no clock, no crypto, no environment: the same options always give
// deep-equal output. The writer (write.ts) encrypts national IDs and inserts the rows.
import { isIdCardNumber } from "taiwan-id-validator";
import {
  DEMO_ACCOUNTS,
  DEMO_REGION_COUNTIES,
  DEMO_SCHOOL,
  FIXTURE_COURSES,
  organizerUsername,
  teacherUsername,
} from "./accounts";
import { Random, WeightedPicker } from "./random";
import * as V from "./vocabulary";
import type { County, CurriculumStage, UnitStage } from "./vocabulary";

// ---------------------------------------------------------------------------------------------
// Types (string unions mirror the enums of prisma/schema.prisma)

export type { UnitStage } from "./vocabulary";
export type Role = "TEACHER" | "ORGANIZER" | "REGION_ADMIN";
export type Gender = "MALE" | "FEMALE" | "OTHER";
export type PositionType = "QUALIFIED_FULL_TIME" | "SUBSTITUTE" | "PART_TIME" | "INTERN" | "OTHER";
export type ClassType = "NON_CREDIT" | "CREDIT" | "DEGREE";
export type TimeSlot = (typeof V.TIME_SLOTS)[number];
export type CourseStatus = "DRAFT" | "SUBMITTED" | "PUBLISHED" | "CANCELLED";
export type Eligibility = "ANY_TEACHER" | "OWN_UNIT_ONLY";
export type AdmissionMode = "MANUAL_REVIEW" | "AUTOMATIC";
export type RegistrationStatus = "PENDING" | "APPROVED" | "REJECTED" | "WAITLISTED" | "CANCELLED";

/** 報名表欄位, in the order domain.md lists them. */
export const FORM_FIELDS = [
  "jobTitle",
  "mobile",
  "subject",
  "schoolCategory",
  "meal",
  "lodging",
  "transport",
  "parking",
  "emergencyContact",
  "nationalId",
  "birthday",
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export type GenerateOptions = {
  seed: number;
  /** YYYY-MM-DD, the calendar date in Asia/Taipei that "now" means (its 00:00). */
  today: string;
  courses?: number;
  teachers?: number;
  units?: number;
};

export const DEFAULT_SIZES = { units: 900, teachers: 5000, courses: 20000 } as const;

export type DemoUnit = {
  id: number;
  code: string;
  name: string;
  county: string;
  stage: UnitStage;
  address: string;
  phone: string;
  createdAt: Date;
  updatedAt: Date;
};

export type DemoUser = {
  id: number;
  username: string;
  /** Empty here; the writer fills in the one hash of the demo password. */
  passwordHash: string;
  role: Role;
  name: string;
  gender: Gender | null;
  email: string;
  unitId: number | null;
  positionType: PositionType | null;
  regionCounties: string[];
  /** Plain text; the writer stores it encrypted. */
  nationalId: string | null;
  mobile: string | null;
  jobTitle: string | null;
  subject: string | null;
  /** YYYY-MM-DD */
  birthday: string | null;
  passwordChangedAt: Date;
  createdAt: Date;
  updatedAt: Date;
};

export type DemoCourse = {
  id: number;
  code: string;
  title: string;
  classType: ClassType;
  category: string;
  subjectPath: string;
  schoolYear: number;
  semester: number;
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD */
  endDate: string;
  timeSlot: TimeSlot;
  venue: string;
  venueCounty: string;
  hours: number;
  credits: number | null;
  description: string;
  audience: string;
  classCount: number;
  seatsPerClass: number;
  capacity: number;
  approvedCount: number;
  fee: number;
  paymentMethod: string;
  organizerId: number;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  tags: string[];
  listedAt: Date;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  onlineRegistration: boolean;
  formFields: FormField[];
  eligibility: Eligibility;
  admissionMode: AdmissionMode;
  waitlistLimit: number;
  status: CourseStatus;
  statusNote: string | null;
  publishedAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type EmergencyContact = { name: string; phone: string };
/** The course's form answers; the national ID is never among them (see DemoRegistration.nationalId). */
export type RegistrationAnswers = Partial<Record<Exclude<FormField, "nationalId" | "emergencyContact">, string>> & {
  emergencyContact?: EmergencyContact;
};

export type DemoRegistration = {
  id: number;
  courseId: number;
  userId: number;
  status: RegistrationStatus;
  answers: RegistrationAnswers;
  /** Plain text when the course asks for it; the writer stores it encrypted. */
  nationalId: string | null;
  registeredAt: Date;
  statusChangedAt: Date;
  decisionNote: string | null;
  attended: boolean | null;
  createdAt: Date;
  updatedAt: Date;
};

export type DemoRegistrationEvent = {
  id: number;
  registrationId: number;
  actorId: number | null;
  fromStatus: RegistrationStatus | null;
  toStatus: RegistrationStatus;
  reason: string | null;
  createdAt: Date;
};

export type DemoFollow = { userId: number; courseId: number; createdAt: Date };

export type DemoTrainingRecord = {
  id: number;
  userId: number;
  courseId: number;
  hours: number;
  schoolYear: number;
  /** YYYY-MM-DD */
  completedOn: string;
  createdAt: Date;
  updatedAt: Date;
};

export type DemoData = {
  options: { seed: number; today: string; courses: number; teachers: number; units: number };
  units: DemoUnit[];
  users: DemoUser[];
  courses: DemoCourse[];
  registrations: DemoRegistration[];
  registrationEvents: DemoRegistrationEvent[];
  follows: DemoFollow[];
  trainingRecords: DemoTrainingRecord[];
};

// ---------------------------------------------------------------------------------------------
// Dates. Days are counted from 1970-01-01 (a calendar date, no time zone); instants are epoch
// milliseconds. Asia/Taipei is UTC+8 all year (no daylight saving).

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const TAIPEI_OFFSET_MS = 8 * HOUR_MS;

export function parseDay(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new Error(`Expected a date as YYYY-MM-DD, got "${text}"`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== text) throw new Error(`Not a calendar date: "${text}"`);
  return ms / DAY_MS;
}

const dayStrings = new Map<number, string>();

export function dayString(day: number): string {
  let s = dayStrings.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayStrings.size < 100_000) dayStrings.set(day, s);
  }
  return s;
}

/** The instant of a Taipei wall-clock time on a day. */
function taipei(day: number, minutes: number): number {
  return day * DAY_MS + minutes * MINUTE_MS - TAIPEI_OFFSET_MS;
}

/** The ROC school year and semester a date falls in (111學年度 = Aug 2022 – Jul 2023). */
export function schoolTermOf(date: string): { schoolYear: number; semester: 1 | 2 } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (month >= 8) return { schoolYear: year - 1911, semester: 1 };
  if (month === 1) return { schoolYear: year - 1912, semester: 1 };
  return { schoolYear: year - 1912, semester: 2 };
}

// ---------------------------------------------------------------------------------------------
// Internal records

type UnitInfo = {
  unit: DemoUnit;
  district: string;
  isPrivate: boolean;
  /** What a subject centre or advisory group is about. */
  curriculum?: CurriculumStage;
  subject?: string;
  group?: (typeof V.VOCATIONAL_GROUPS)[number];
  teachers: TeacherInfo[];
  organizers: DemoUser[];
  courseWeight: number;
};

type TeacherInfo = { user: DemoUser; unit: UnitInfo; county: string };

type CourseInfo = {
  course: DemoCourse;
  unit: UnitInfo;
  startDay: number;
  endDay: number;
  opensMs: number;
  closesMs: number;
  /** For the sort that gives ids and codes. */
  listedMs: number;
  order: number;
};

type Sim = {
  registrations: DemoRegistration[];
  events: DemoRegistrationEvent[];
  trainingRecords: DemoTrainingRecord[];
  nextRegistrationId: number;
  nextEventId: number;
  nextTrainingRecordId: number;
};

const SCHOOL_STAGE_SET = new Set<UnitStage>(V.SCHOOL_STAGES);

type UnitName = {
  name: string;
  isPrivate: boolean;
  curriculum?: CurriculumStage;
  subject?: string;
  group?: (typeof V.VOCATIONAL_GROUPS)[number];
  /** National agencies sit in a fixed county. */
  nationalCounty?: string;
};

/** Relative number of teachers per unit, by stage. */
const TEACHERS_PER_UNIT: Partial<Record<UnitStage, number>> = {
  ELEMENTARY: 1,
  JUNIOR_HIGH: 1.4,
  SENIOR_HIGH: 2.2,
  VOCATIONAL_HIGH: 2,
  KINDERGARTEN: 0.35,
  SPECIAL_SCHOOL: 0.8,
  UNIVERSITY: 1.2,
  EXPERIMENTAL: 0.2,
};

/** Relative number of courses per unit, by stage. */
const COURSES_PER_UNIT: Record<UnitStage, number> = {
  ELEMENTARY: 1,
  JUNIOR_HIGH: 1.5,
  SENIOR_HIGH: 3,
  VOCATIONAL_HIGH: 3,
  KINDERGARTEN: 0.3,
  SPECIAL_SCHOOL: 2,
  UNIVERSITY: 7,
  SUBJECT_CENTER: 12,
  ADVISORY_GROUP: 15,
  GOVERNMENT: 12,
  EXPERIMENTAL: 0.5,
};

const CURRICULUM_SCHOOL_WORDS: Record<CurriculumStage, string> = {
  國小: "公私立國民小學",
  國中: "公私立國民中學",
  高中: "公私立高級中等學校",
  高職: "技術型高級中等學校",
  幼兒園: "公私立幼兒園",
  特殊教育: "各級學校特殊教育",
  大專校院: "大專校院",
};

function pairs<T>(list: readonly (readonly [T, number])[]): WeightedPicker<T> {
  return new WeightedPicker(
    list.map((p) => p[0]),
    list.map((p) => p[1]),
  );
}

function digits(rng: Random, count: number): string {
  let s = "";
  for (let i = 0; i < count; i++) s += String(rng.int(0, 9));
  return s;
}

function mobileNumber(rng: Random): string {
  return `09${digits(rng, 8)}`;
}

function phoneNumber(rng: Random, county: string): string {
  const { code, digits: n } = V.AREA_CODES[county as County];
  const local = String(rng.int(2, 9)) + digits(rng, n - 1);
  return n >= 7 ? `${code}-${local.slice(0, n - 4)}-${local.slice(n - 4)}` : `${code}-${local}`;
}

function address(rng: Random, county: string, district: string): string {
  const road = rng.pick(V.ROADS);
  const section = rng.pick(V.ROAD_SECTIONS);
  const lane = rng.chance(0.15) ? `${rng.int(1, 300)}巷` : "";
  return `${county}${district}${road}${section}${lane}${rng.int(1, 400)}號`;
}

/** A national ID (or 2021-format resident certificate) number that passes the checksum. */
function nationalIdNumber(rng: Random, county: string, gender: Gender | null, resident: boolean, used: Set<string>): string {
  const countyLetters = Object.values(V.NATIONAL_ID_LETTERS);
  for (;;) {
    const letter = rng.chance(0.75) ? V.NATIONAL_ID_LETTERS[county as County] : rng.pick(countyLetters);
    const male = gender === "MALE" || (gender !== "FEMALE" && rng.chance(0.5));
    const body = resident
      ? `${letter}${male ? "8" : "9"}${rng.int(0, 6)}${digits(rng, 6)}`
      : `${letter}${male ? "1" : "2"}${digits(rng, 7)}`;
    for (let check = 0; check <= 9; check++) {
      const id = body + String(check);
      if (isIdCardNumber(id)) {
        if (used.has(id)) break;
        used.add(id);
        return id;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The generator

export function generateDemoData(options: GenerateOptions): DemoData {
  const seed = Math.trunc(options.seed);
  const units = options.units ?? DEFAULT_SIZES.units;
  const teachers = options.teachers ?? DEFAULT_SIZES.teachers;
  const courses = options.courses ?? DEFAULT_SIZES.courses;
  for (const [name, value] of Object.entries({ seed, units, teachers, courses })) {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
  }
  if (units < 1) throw new Error("units must be at least 1 (the demo school)");
  if (courses > 5_000_000) throw new Error("courses must be at most 5,000,000 (7-digit course codes)");
  const todayDay = parseDay(options.today);
  return new Generator({ seed, today: options.today, courses, teachers, units }, todayDay).run();
}

class Generator {
  private readonly now: number;
  private readonly unitInfos: UnitInfo[] = [];
  private readonly users: DemoUser[] = [];
  private readonly teacherInfos: TeacherInfo[] = [];
  private readonly teachersByCounty = new Map<string, TeacherInfo[]>();
  private readonly usedNationalIds = new Set<string>();
  private readonly courseInfos: CourseInfo[] = [];
  private readonly sim: Sim = {
    registrations: [],
    events: [],
    trainingRecords: [],
    nextRegistrationId: 1,
    nextEventId: 1,
    nextTrainingRecordId: 1,
  };
  private readonly follows: DemoFollow[] = [];
  private readonly followKeys = new Set<number>();
  private readonly surnamePicker = pairs(V.SURNAMES);
  private readonly mealPicker = pairs(V.MEAL_CHOICES);
  private readonly lodgingPicker = pairs(V.LODGING_CHOICES);
  private readonly transportPicker = pairs(V.TRANSPORT_CHOICES);
  private readonly parkingPicker = pairs(V.PARKING_CHOICES);
  private demoSchool!: UnitInfo;
  private demoTeacher!: TeacherInfo;
  private schoolTeacher!: TeacherInfo;
  private demoOrganizer!: DemoUser;
  /** Users are created before their accounts "exist" in the story: before the data range. */
  private readonly rangeStartDay: number;
  private readonly rangeEndDay: number;

  constructor(
    private readonly options: DemoData["options"],
    private readonly todayDay: number,
  ) {
    this.now = taipei(todayDay, 0);
    const { schoolYear } = schoolTermOf(options.today);
    // The past three school years, the current one so far, and the next six months.
    this.rangeStartDay = parseDay(`${schoolYear - 3 + 1911}-08-01`);
    this.rangeEndDay = todayDay + 183;
  }

  run(): DemoData {
    this.createUnits();
    this.createAccounts();
    this.createTeachers();
    const plans = this.planCourses();
    this.createOrganizers(plans);
    this.createFixtureCourses();
    this.createCourses(plans);
    this.createRegistrations();
    this.createFollows();
    const courses = this.courseInfos.map((c) => c.course);
    return {
      options: this.options,
      units: this.unitInfos.map((u) => u.unit),
      users: this.users,
      courses,
      registrations: this.sim.registrations,
      registrationEvents: this.sim.events,
      follows: this.follows,
      trainingRecords: this.sim.trainingRecords,
    };
  }

  private rng(label: string): Random {
    return Random.stream(this.options.seed, label);
  }

  // -------------------------------------------------------------------------------------------
  // Units

  private createUnits(): void {
    const rng = this.rng("units");
    const usedNames = new Set<string>();
    const usedCodes = new Set<string>();
    const countyPicker = new WeightedPicker(
      V.COUNTIES,
      V.COUNTIES.map((c) => V.COUNTY_WEIGHTS[c]),
    );
    const stagePicker = new WeightedPicker(
      V.STAGES,
      V.STAGES.map((s) => V.STAGE_UNIT_WEIGHTS[s]),
    );
    const created = (day: number) => new Date(taipei(day, 9 * 60));

    // The named demo school comes first.
    const demoCreated = created(this.rangeStartDay - 1200);
    this.demoSchool = {
      unit: {
        id: 1,
        code: DEMO_SCHOOL.code,
        name: DEMO_SCHOOL.name,
        county: DEMO_SCHOOL.county,
        stage: DEMO_SCHOOL.stage,
        address: "臺北市中正區示範路1號",
        phone: "02-2311-0000",
        createdAt: demoCreated,
        updatedAt: demoCreated,
      },
      district: "中正區",
      isPrivate: false,
      teachers: [],
      organizers: [],
      courseWeight: 3,
    };
    usedNames.add(DEMO_SCHOOL.name);
    usedCodes.add(DEMO_SCHOOL.code);
    this.unitInfos.push(this.demoSchool);

    for (let i = 1; i < this.options.units; i++) {
      // The first ones cover every stage and every county, whatever the size.
      const stage = i - 1 < V.STAGES.length ? V.STAGES[i - 1] : stagePicker.pick(rng);
      let county: string = i - 1 < V.COUNTIES.length ? V.COUNTIES[i - 1] : countyPicker.pick(rng);
      let district = rng.pick(V.DISTRICTS[county as County]);
      const countyFixed = i - 1 < V.COUNTIES.length;
      let info: UnitName | undefined;
      for (let attempt = 0; attempt < 60 && !info; attempt++) {
        const candidate = this.unitName(rng, stage, county, district, !countyFixed);
        if (!usedNames.has(candidate.name)) info = candidate;
        else district = rng.pick(V.DISTRICTS[county as County]);
      }
      if (!info) {
        const base = this.unitName(rng, stage, county, district, false);
        let k = 2;
        while (usedNames.has(`${base.name}第${k}分部`)) k++;
        info = { ...base, name: `${base.name}第${k}分部` };
      }
      if (info.nationalCounty) {
        county = info.nationalCounty;
        district = rng.pick(V.DISTRICTS[county as County]);
      }
      usedNames.add(info.name);
      let code: string;
      do code = String(rng.int(100000, 989999));
      while (usedCodes.has(code));
      usedCodes.add(code);
      const at = created(this.rangeStartDay - rng.int(400, 2500));
      const activity = SCHOOL_STAGE_SET.has(stage) && rng.chance(0.15) ? 0 : rng.float(0.3, 1.7);
      this.unitInfos.push({
        unit: {
          id: i + 1,
          code,
          name: info.name,
          county,
          stage,
          address: address(rng, county, district),
          phone: phoneNumber(rng, county),
          createdAt: at,
          updatedAt: at,
        },
        district,
        isPrivate: info.isPrivate,
        curriculum: info.curriculum,
        subject: info.subject,
        group: info.group,
        teachers: [],
        organizers: [],
        courseWeight: COURSES_PER_UNIT[stage] * activity,
      });
    }
  }

  private unitName(rng: Random, stage: UnitStage, county: string, district: string, allowNational: boolean): UnitName {
    const place = () => (district.length > 2 && rng.chance(0.25) ? V.districtShort(district) : rng.pick(V.PLACE_WORDS));
    const city = `${county}立`;
    const base = { isPrivate: false };
    switch (stage) {
      case "ELEMENTARY":
        if (rng.chance(0.05)) return { ...base, isPrivate: true, name: `${county}私立${rng.pick(V.PRIVATE_SCHOOL_WORDS)}國民小學` };
        return { ...base, name: `${county}${district}${place()}國民小學` };
      case "JUNIOR_HIGH":
        if (rng.chance(0.06)) return { ...base, isPrivate: true, name: `${county}私立${rng.pick(V.PRIVATE_SCHOOL_WORDS)}國民中學` };
        return { ...base, name: `${city}${place()}國民中學` };
      case "SENIOR_HIGH": {
        const r = rng.next();
        if (r < 0.35) return { ...base, name: `國立${place()}高級中學` };
        if (r < 0.42) return { ...base, name: `國立${place()}女子高級中學` };
        if (r < 0.75) return { ...base, name: `${city}${place()}高級中學` };
        return { ...base, isPrivate: true, name: `${county}私立${rng.pick(V.PRIVATE_SCHOOL_WORDS)}高級中學` };
      }
      case "VOCATIONAL_HIGH": {
        const kind = rng.pick(V.VOCATIONAL_SCHOOL_KINDS);
        const r = rng.next();
        const where = rng.chance(0.4) ? V.countyShort(county) : place();
        if (r < 0.6) return { ...base, name: `國立${where}高級${kind}職業學校` };
        if (r < 0.8) return { ...base, name: `${city}${place()}高級${kind}職業學校` };
        return { ...base, isPrivate: true, name: `${county}私立${rng.pick(V.PRIVATE_SCHOOL_WORDS)}高級${kind}職業學校` };
      }
      case "KINDERGARTEN": {
        const r = rng.next();
        if (r < 0.35) return { ...base, name: `${city}${place()}幼兒園` };
        if (r < 0.55) return { ...base, name: `${county}${district}${place()}國民小學附設幼兒園` };
        return { ...base, isPrivate: true, name: `${county}私立${rng.pick(V.KINDERGARTEN_WORDS)}幼兒園` };
      }
      case "SPECIAL_SCHOOL": {
        const r = rng.next();
        if (r < 0.5) return { ...base, name: `國立${rng.chance(0.5) ? V.countyShort(county) : place()}特殊教育學校` };
        if (r < 0.8) return { ...base, name: `${city}${place()}特殊教育學校` };
        return { ...base, name: `${city}${rng.pick(["啟聰", "啟明", "啟智"])}學校` };
      }
      case "UNIVERSITY": {
        const r = rng.next();
        if (r < 0.3) return { ...base, name: `國立${rng.pick(V.UNIVERSITY_WORDS)}大學` };
        if (r < 0.5) return { ...base, name: `國立${rng.pick(V.UNIVERSITY_WORDS)}科技大學` };
        if (r < 0.6) return { ...base, name: `國立${rng.pick(V.UNIVERSITY_WORDS)}教育大學` };
        if (r < 0.85) return { ...base, isPrivate: true, name: `${rng.pick(V.PRIVATE_UNIVERSITY_WORDS)}大學` };
        return { ...base, isPrivate: true, name: `${rng.pick(V.PRIVATE_UNIVERSITY_WORDS)}科技大學` };
      }
      case "SUBJECT_CENTER": {
        if (rng.chance(0.55)) {
          const subject = rng.pick(V.SENIOR_HIGH_SUBJECT_CENTERS);
          return { ...base, name: `高中${subject}學科中心`, curriculum: "高中", subject };
        }
        const group = rng.pick(V.VOCATIONAL_GROUPS);
        return { ...base, name: `技術型高中${group.group}科中心`, curriculum: "高職", group };
      }
      case "ADVISORY_GROUP": {
        const r = rng.next();
        if (r < 0.15) return { ...base, name: `${county}國民教育輔導團` };
        if (r < 0.25) return { ...base, name: `${county}教育研究發展中心` };
        if (r < 0.32) return { ...base, name: `${county}教師研習中心` };
        const area = rng.pick(V.ADVISORY_AREAS);
        if (r < 0.66 && area !== "生活課程") {
          return { ...base, name: `${county}國中${area}領域輔導團`, curriculum: "國中", subject: area };
        }
        return { ...base, name: `${county}國小${area}${area === "生活課程" ? "" : "領域"}輔導團`, curriculum: "國小", subject: area };
      }
      case "GOVERNMENT": {
        const options: { name: string; nationalCounty?: string }[] = [
          { name: `${county}政府${V.MUNICIPALITIES.includes(county as County) ? "教育局" : "教育處"}` },
          { name: `${county}家庭教育中心` },
          { name: `${county}立圖書館` },
          { name: `${county}${V.districtShort(district)}社區大學` },
        ];
        if (allowNational && rng.chance(0.35)) {
          const agency = rng.pick(V.NATIONAL_AGENCIES);
          return { ...base, name: agency.name, nationalCounty: agency.county };
        }
        const weights = [3, 1, 1, 1];
        return { ...base, ...rng.weighted(options, weights) };
      }
      case "EXPERIMENTAL":
        return { ...base, isPrivate: true, name: `${county}${rng.pick(V.EXPERIMENTAL_WORDS)}${rng.chance(0.7) ? "實驗教育機構" : "實驗教育團體"}` };
    }
  }

  // -------------------------------------------------------------------------------------------
  // People

  private personName(rng: Random, gender: Gender | null): string {
    const chars: readonly string[] =
      gender === "FEMALE" ? V.FEMALE_GIVEN : gender === "MALE" ? V.MALE_GIVEN : rng.chance(0.5) ? V.FEMALE_GIVEN : V.MALE_GIVEN;
    const surname = this.surnamePicker.pick(rng);
    const given = rng.chance(0.9) ? rng.pick(chars) + rng.pick(chars) : rng.pick(chars);
    return surname + given;
  }

  private userCreatedAt(rng: Random): Date {
    return new Date(taipei(this.rangeStartDay - rng.int(1, 500), rng.int(8 * 60, 18 * 60)));
  }

  private baseUser(id: number, username: string, role: Role, name: string, createdAt: Date): DemoUser {
    return {
      id,
      username,
      passwordHash: "",
      role,
      name,
      gender: null,
      email: `${username}@example.edu.tw`,
      unitId: null,
      positionType: null,
      regionCounties: [],
      nationalId: null,
      mobile: null,
      jobTitle: null,
      subject: null,
      birthday: null,
      passwordChangedAt: createdAt,
      createdAt,
      updatedAt: createdAt,
    };
  }

  /** The four demo accounts (ids 1–4) and one REGION_ADMIN per region (ids 5–10). */
  private createAccounts(): void {
    const rng = this.rng("accounts");
    const [teacher, schoolteacher, organizer, region] = DEMO_ACCOUNTS;
    // The demo teacher serves at an ordinary school: the first generated 國小 in 新北市, if any.
    const school =
      this.unitInfos.find((u) => u.unit.stage === "ELEMENTARY" && u.unit.county === "新北市") ??
      this.unitInfos.find((u) => u.unit.stage === "ELEMENTARY" || u.unit.stage === "JUNIOR_HIGH") ??
      this.demoSchool;

    const t = this.baseUser(1, teacher.username, "TEACHER", teacher.name, this.userCreatedAt(rng));
    Object.assign(t, {
      gender: "FEMALE",
      unitId: school.unit.id,
      positionType: "QUALIFIED_FULL_TIME",
      nationalId: nationalIdNumber(rng, school.unit.county, "FEMALE", false, this.usedNationalIds),
      mobile: "0912345678",
      jobTitle: "導師",
      subject: school.unit.stage === "ELEMENTARY" ? "國語" : "國文",
      birthday: "1988-03-15",
    } satisfies Partial<DemoUser>);
    const s = this.baseUser(2, schoolteacher.username, "TEACHER", schoolteacher.name, this.userCreatedAt(rng));
    Object.assign(s, {
      gender: "MALE",
      unitId: this.demoSchool.unit.id,
      positionType: "QUALIFIED_FULL_TIME",
      nationalId: nationalIdNumber(rng, "臺北市", "MALE", false, this.usedNationalIds),
      mobile: "0923456789",
      jobTitle: "教師",
      subject: "數學",
      birthday: "1991-10-02",
    } satisfies Partial<DemoUser>);
    const o = this.baseUser(3, organizer.username, "ORGANIZER", organizer.name, this.userCreatedAt(rng));
    Object.assign(o, {
      gender: "FEMALE",
      unitId: this.demoSchool.unit.id,
      mobile: "0934567890",
      jobTitle: "教學組長",
    } satisfies Partial<DemoUser>);
    const r = this.baseUser(4, region.username, "REGION_ADMIN", region.name, this.userCreatedAt(rng));
    Object.assign(r, { gender: "MALE", regionCounties: [...DEMO_REGION_COUNTIES] } satisfies Partial<DemoUser>);
    this.users.push(t, s, o, r);
    this.demoTeacher = { user: t, unit: school, county: school.unit.county };
    this.schoolTeacher = { user: s, unit: this.demoSchool, county: this.demoSchool.unit.county };
    this.demoOrganizer = o;
    school.teachers.push(this.demoTeacher);
    this.demoSchool.teachers.push(this.schoolTeacher);
    this.demoSchool.organizers.push(o);

    let id = 5;
    for (const reg of V.REGIONS) {
      const gender: Gender = rng.chance(0.6) ? "FEMALE" : "MALE";
      const u = this.baseUser(id++, `region-${reg.key}`, "REGION_ADMIN", this.personName(rng, gender), this.userCreatedAt(rng));
      u.gender = gender;
      u.regionCounties = [...reg.counties];
      this.users.push(u);
    }
  }

  private createTeachers(): void {
    const rng = this.rng("teachers");
    const count = this.options.teachers;
    let pool = this.unitInfos.filter((u) => u !== this.demoSchool && TEACHERS_PER_UNIT[u.unit.stage] !== undefined);
    if (pool.length === 0) pool = this.unitInfos;
    const unitPicker = new WeightedPicker(
      pool,
      pool.map((u) => (TEACHERS_PER_UNIT[u.unit.stage] ?? 1) * rng.float(0.5, 1.5)),
    );
    const positionPicker = pairs<PositionType>([
      ["QUALIFIED_FULL_TIME", 80],
      ["SUBSTITUTE", 12],
      ["PART_TIME", 3],
      ["INTERN", 3],
      ["OTHER", 2],
    ]);
    const jobTitles = {
      school: pairs(V.JOB_TITLES.school),
      kindergarten: pairs(V.JOB_TITLES.kindergarten),
      university: pairs(V.JOB_TITLES.university),
    };
    // Some generated teachers serve at the demo school, for its own-unit-only courses.
    const atDemoSchool = Math.max(5, Math.round(count / 200));
    const demoEvery = Math.max(1, Math.floor(count / atDemoSchool));
    const firstId = 11;

    for (let n = 1; n <= count; n++) {
      const unit = (n - 1) % demoEvery === 3 % demoEvery && this.demoSchool.teachers.length <= atDemoSchool ? this.demoSchool : unitPicker.pick(rng);
      const stage = unit.unit.stage;
      const r = rng.next();
      const gender: Gender = r < 0.68 ? "FEMALE" : r < 0.995 ? "MALE" : "OTHER";
      const positionType = positionPicker.pick(rng);
      let jobTitle: string;
      if (positionType === "INTERN") jobTitle = "實習教師";
      else if (positionType === "SUBSTITUTE") jobTitle = stage === "KINDERGARTEN" ? "代理教保員" : "代理教師";
      else if (positionType === "PART_TIME") jobTitle = "兼任教師";
      else if (stage === "KINDERGARTEN") jobTitle = jobTitles.kindergarten.pick(rng);
      else if (stage === "UNIVERSITY") jobTitle = jobTitles.university.pick(rng);
      else jobTitle = jobTitles.school.pick(rng);
      const age = positionType === "INTERN" ? rng.int(22, 26) : rng.int(24, 64);
      const birthday = dayString(this.todayDay - Math.floor(age * 365.25) - rng.int(0, 364));
      const username = teacherUsername(n);
      const user = this.baseUser(firstId + n - 1, username, "TEACHER", this.personName(rng, gender), this.userCreatedAt(rng));
      user.gender = gender;
      user.unitId = unit.unit.id;
      user.positionType = positionType;
      user.nationalId = nationalIdNumber(rng, unit.unit.county, gender, rng.chance(0.004), this.usedNationalIds);
      user.mobile = mobileNumber(rng);
      user.jobTitle = jobTitle;
      user.subject = rng.pick(V.TEACHING_SUBJECTS[stage]);
      user.birthday = birthday;
      this.users.push(user);
      const info: TeacherInfo = { user, unit, county: unit.unit.county };
      this.teacherInfos.push(info);
      unit.teachers.push(info);
      let list = this.teachersByCounty.get(info.county);
      if (!list) this.teachersByCounty.set(info.county, (list = []));
      list.push(info);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Courses: first who organises each one and when, then the organizer accounts, then details.

  private planCourses(): { unit: UnitInfo; startDay: number }[] {
    const rng = this.rng("course-plan");
    const candidates = this.unitInfos.filter((u) => u.courseWeight > 0);
    const unitPicker = new WeightedPicker(
      candidates.length ? candidates : this.unitInfos,
      (candidates.length ? candidates : this.unitInfos).map((u) => u.courseWeight || 1),
    );
    const days: number[] = [];
    const weights: number[] = [];
    const monthFactor = [0.8, 0.6, 1.1, 1.0, 1.0, 0.8, 1.2, 1.0, 0.9, 1.1, 1.1, 0.9];
    for (let d = this.rangeStartDay; d <= this.rangeEndDay; d++) {
      const date = new Date(d * DAY_MS);
      const weekday = date.getUTCDay();
      let w = weekday === 0 ? 0.12 : weekday === 6 ? 0.35 : 1;
      w *= monthFactor[date.getUTCMonth()];
      const ahead = d - this.todayDay;
      if (ahead > 60) w *= 1 - 0.65 * ((ahead - 60) / 123);
      days.push(d);
      weights.push(w);
    }
    const dayPicker = new WeightedPicker(days, weights);
    const plans: { unit: UnitInfo; startDay: number }[] = [];
    for (let i = 0; i < this.options.courses; i++) plans.push({ unit: unitPicker.pick(rng), startDay: dayPicker.pick(rng) });
    return plans;
  }

  private createOrganizers(plans: { unit: UnitInfo }[]): void {
    const rng = this.rng("organizers");
    const counts = new Map<UnitInfo, number>();
    for (const p of plans) counts.set(p.unit, (counts.get(p.unit) ?? 0) + 1);
    counts.set(this.demoSchool, (counts.get(this.demoSchool) ?? 0) + 12);
    let id = 11 + this.options.teachers;
    for (const unit of this.unitInfos) {
      const n = counts.get(unit) ?? 0;
      if (n === 0) continue;
      const accounts = n > 30 && rng.chance(0.6) ? 2 : rng.chance(0.12) ? 2 : 1;
      for (let k = 1; k <= accounts; k++) {
        const gender: Gender = rng.chance(0.65) ? "FEMALE" : "MALE";
        const user = this.baseUser(id++, organizerUsername(unit.unit.code, k), "ORGANIZER", this.personName(rng, gender), this.userCreatedAt(rng));
        user.gender = gender;
        user.unitId = unit.unit.id;
        user.mobile = mobileNumber(rng);
        user.jobTitle = SCHOOL_STAGE_SET.has(unit.unit.stage) ? rng.pick(["教學組長", "研究組長", "教務主任", "輔導主任", "設備組長"]) : rng.pick(["承辦人", "專員", "研究助理", "科員"]);
        this.users.push(user);
        unit.organizers.push(user);
      }
    }
  }

  private curriculumFor(rng: Random, unit: UnitInfo): CurriculumStage {
    switch (unit.unit.stage) {
      case "ELEMENTARY":
        return "國小";
      case "JUNIOR_HIGH":
        return "國中";
      case "SENIOR_HIGH":
        return "高中";
      case "VOCATIONAL_HIGH":
        return rng.chance(0.7) ? "高職" : "高中";
      case "KINDERGARTEN":
        return "幼兒園";
      case "SPECIAL_SCHOOL":
        return "特殊教育";
      case "UNIVERSITY":
        return rng.weighted<CurriculumStage>(["國小", "國中", "高中", "特殊教育", "大專校院", "幼兒園"], [3, 3, 2, 2, 1, 1]);
      case "SUBJECT_CENTER":
      case "ADVISORY_GROUP":
        if (unit.curriculum && rng.chance(0.9)) return unit.curriculum;
        return rng.weighted<CurriculumStage>(["國小", "國中"], [1, 1]);
      case "EXPERIMENTAL":
        return rng.weighted<CurriculumStage>(["國小", "國中"], [2, 1]);
      case "GOVERNMENT":
        return rng.weighted<CurriculumStage>(["國小", "國中", "高中", "高職", "幼兒園", "特殊教育"], [35, 25, 12, 8, 10, 10]);
    }
  }

  /** A subject within a curriculum stage: how titles and 課程分類 say it. */
  private subjectFor(
    rng: Random,
    stage: CurriculumStage,
    unit: UnitInfo,
  ): { short: string; long: string; path: string } {
    const hint = rng.chance(0.85) ? unit.subject : undefined;
    switch (stage) {
      case "國小": {
        const area = hint && (V.ELEMENTARY_AREAS as readonly string[]).includes(hint) ? hint : hint === "語文" ? "國語文" : rng.pick(V.ELEMENTARY_AREAS);
        return { short: area, long: area === "生活課程" ? area : `${area}領域`, path: `國小 / 教學 / ${area}` };
      }
      case "國中": {
        const area = hint && (V.JUNIOR_HIGH_AREAS as readonly string[]).includes(hint) ? hint : rng.pick(V.JUNIOR_HIGH_AREAS);
        return { short: area, long: `${area}領域`, path: `國中 / 教學 / ${area}領域` };
      }
      case "高中": {
        const subject = hint && (V.SENIOR_HIGH_SUBJECT_CENTERS as readonly string[]).includes(hint) ? hint : rng.pick(V.SENIOR_HIGH_SUBJECTS);
        return { short: subject, long: `${subject}科`, path: `高中 / 教學 / ${subject}` };
      }
      case "高職": {
        const group = unit.group && rng.chance(0.9) ? unit.group : rng.pick(V.VOCATIONAL_GROUPS);
        const dept = rng.pick(group.departments);
        return { short: group.group, long: `${group.group}${dept}`, path: `高職 / 教學 / ${group.group} / ${dept}` };
      }
      case "幼兒園": {
        const area = rng.pick(V.KINDERGARTEN_AREAS);
        return { short: `${area}領域`, long: `${area}領域`, path: `幼兒園 / 教學 / ${area}領域` };
      }
      case "特殊教育": {
        const area = rng.pick(V.SPECIAL_AREAS);
        return { short: area === "融合教育" ? area : `${area}教育`, long: `特殊教育${area}`, path: `特殊教育 / 教學 / ${area}` };
      }
      case "大專校院": {
        const subject = rng.pick(["師資培育", "課程與教學", "教育行政", "特殊教育", "數位學習"]);
        return { short: subject, long: subject, path: `大專校院 / 教學 / ${subject}` };
      }
    }
  }

  private createCourses(plans: { unit: UnitInfo; startDay: number }[]): void {
    const rng = this.rng("courses");
    const categoryPicker = pairs(V.COURSE_CATEGORIES);
    const singleDayHours = pairs<number>([
      [1, 5], [1.5, 6], [2, 12], [2.5, 4], [3, 35], [3.5, 4], [4, 8], [6, 22], [7, 4],
    ]);
    const seatsPicker = pairs<number>([
      [20, 6], [25, 5], [30, 14], [35, 8], [40, 18], [45, 4], [50, 14], [60, 10], [80, 7], [100, 6], [120, 4],
    ]);
    // Courses held away from the organizer take place at a school (not a kindergarten).
    const hostStages = new Set<UnitStage>(["ELEMENTARY", "JUNIOR_HIGH", "SENIOR_HIGH", "VOCATIONAL_HIGH", "UNIVERSITY"]);
    const countyUnits = new Map<string, UnitInfo[]>();
    for (const u of this.unitInfos) {
      if (!hostStages.has(u.unit.stage)) continue;
      let list = countyUnits.get(u.unit.county);
      if (!list) countyUnits.set(u.unit.county, (list = []));
      list.push(u);
    }
    const schoolUnits = this.unitInfos.filter((u) => hostStages.has(u.unit.stage));

    const generated: CourseInfo[] = [];
    for (let i = 0; i < plans.length; i++) {
      const { unit, startDay } = plans[i];
      const startDate = new Date(startDay * DAY_MS);
      const month = startDate.getUTCMonth() + 1;
      const dom = startDate.getUTCDate();
      const weekday = startDate.getUTCDay();
      const { schoolYear, semester } = schoolTermOf(dayString(startDay));
      const upcoming = startDay >= this.todayDay;

      // Kind of course
      let classType: ClassType = "NON_CREDIT";
      const creditShare = unit.unit.stage === "UNIVERSITY" ? 0.35 : 0.015;
      if (rng.chance(creditShare)) classType = rng.chance(0.75) ? "CREDIT" : "DEGREE";
      const category =
        classType === "CREDIT" ? rng.pick(V.CREDIT_CATEGORIES) : classType === "DEGREE" ? rng.pick(V.DEGREE_CATEGORIES) : categoryPicker.pick(rng);
      const stage = this.curriculumFor(rng, unit);
      const subject = this.subjectFor(rng, stage, unit);
      const kindRoll = rng.next();
      const issue = classType === "NON_CREDIT" && kindRoll < (unit.unit.stage === "SUBJECT_CENTER" ? 0.08 : 0.32) ? rng.pick(V.ISSUES) : undefined;
      const admin = !issue && classType === "NON_CREDIT" && unit.unit.stage !== "SUBJECT_CENTER" && kindRoll > 0.93;
      const office = rng.pick(V.ADMIN_OFFICES);
      const topic = rng.pick(V.TOPICS);

      // Dates and hours
      let length = 0;
      if (classType === "CREDIT") length = rng.int(30, 110);
      else if (classType === "DEGREE") length = rng.int(120, 320);
      else {
        const r = rng.next();
        length = r < 0.75 ? 0 : r < 0.95 ? 1 : rng.int(2, 4);
      }
      const endDay = startDay + length;
      const breakTime = month === 7 || month === 8 || (month === 1 && dom >= 20) || (month === 2 && dom <= 12);
      let timeSlot: TimeSlot;
      if (breakTime && rng.chance(0.8)) timeSlot = "SCHOOL_BREAK";
      else if (weekday === 0 || weekday === 6) timeSlot = "WEEKEND";
      else if (classType !== "NON_CREDIT") timeSlot = rng.chance(0.5) ? "WEEKDAY_EVENING" : "WEEKEND";
      else timeSlot = rng.chance(0.22) ? "WEEKDAY_EVENING" : "WEEKDAY_DAYTIME";
      let hours: number;
      let credits: number | null = null;
      if (classType === "CREDIT") {
        credits = rng.int(2, 4);
        hours = 18;
      } else if (classType === "DEGREE") hours = 18;
      else if (length === 0) hours = timeSlot === "WEEKDAY_EVENING" ? rng.pick([1.5, 2, 2.5, 3]) : singleDayHours.pick(rng);
      else hours = Math.min(18, (length + 1) * rng.pick([3, 6, 6]));

      // Title, path, tags
      const catWord = V.CATEGORY_TITLE_WORD[category] ?? "研習";
      // Titles say 特教 as often as 特殊教育.
      const stageWord = stage === "特殊教育" && rng.chance(0.5) ? "特教" : stage;
      const session = rng.chance(0.12) ? `(第${rng.int(2, 6)}場)` : "";
      let title: string;
      let subjectPath: string;
      const tags = new Set<string>();
      if (classType === "CREDIT") {
        subjectPath = `${stage} / 學分班 / ${subject.short}`;
        title = rng.pick([
          `${schoolYear}學年度${stage}${subject.short}第二專長學分班`,
          `${schoolYear}學年度暑期${subject.short}教師在職進修學分班`,
          `${schoolYear}學年度特殊教育學分班(${stage}教師)`,
        ]);
        if (title.includes("特殊教育")) tags.add("特殊教育");
      } else if (classType === "DEGREE") {
        subjectPath = `大專校院 / 學位班 / ${subject.short}`;
        title = rng.pick([`${schoolYear}學年度${subject.short}教學碩士在職專班`, `${schoolYear}學年度課程與教學碩士在職專班`]);
      } else if (issue) {
        subjectPath = `${stage} / 議題 / ${issue.name}`;
        const r = rng.next();
        if (r < 0.45) title = rng.pick(issue.titles);
        else if (r < 0.6) title = `${issue.name}教師增能研習`;
        else if (r < 0.8) title = `${schoolYear}學年度${stageWord}${issue.name}${catWord}`;
        else title = `${stageWord}${issue.name}融入${subject.short}教學${catWord}`;
        title += session;
        tags.add(issue.tags[0]);
        if (issue.tags.length > 1 && rng.chance(0.5)) tags.add(issue.tags[1]);
      } else if (admin) {
        subjectPath = `${stage} / 行政 / ${office}`;
        title =
          office === "校長領導"
            ? `${stage}校長課程領導${catWord}`
            : rng.chance(0.5)
              ? `${stage}${office}行政人員知能研習`
              : `${schoolYear}學年度${stage}${office}主任及組長${catWord}`;
        if (rng.chance(0.3)) tags.add(rng.pick(V.TAGS));
      } else {
        subjectPath = subject.path;
        const r = rng.next();
        if (stage === "高職" && r < 0.35) {
          title = rng.pick([`高職${subject.short}專業實作研習`, `技術型高中${subject.long}技能教學研習`, `${subject.long}證照輔導實務研習`]);
        } else if (category === "校本研習") {
          title = `${schoolYear}學年度第${semester}學期校本研習－${topic}`;
        } else if (category === "專業學習社群") {
          title = `${stageWord}${subject.short}教師專業學習社群：${topic}共備`;
        } else if (unit.unit.stage === "ADVISORY_GROUP" && r < 0.5) {
          title = `${V.countyShort(unit.unit.county)}${stage}${subject.long}輔導團${topic}${catWord}`;
        } else if (r < 0.45) {
          title = `${schoolYear}學年度${stageWord}${subject.long}${topic}${catWord}`;
        } else {
          title = `${stageWord}${subject.short}${topic}${catWord}`;
        }
        title += session;
        if (topic.includes("數位") || topic.includes("AI") || topic.includes("行動")) tags.add("資訊教育");
        if (topic.includes("雙語")) tags.add("雙語教育");
        if (topic.includes("閱讀")) tags.add("閱讀教育");
        if (topic.includes("STEAM")) tags.add("科技教育");
        if (rng.chance(0.25)) tags.add(rng.pick(V.TAGS));
      }
      while (tags.size > 3) tags.delete([...tags][tags.size - 1]);

      // Seats, fees, form
      const classCount = rng.chance(0.18) ? 2 : 1;
      const seatsPerClass = classType === "NON_CREDIT" ? seatsPicker.pick(rng) : rng.pick([30, 40, 45, 50]);
      const capacity = classCount * seatsPerClass;
      const paid = classType !== "NON_CREDIT" || rng.chance(length > 0 ? 0.3 : 0.08);
      const fee = paid ? rng.int(classType === "NON_CREDIT" ? 5 : 15, 30) * 100 : 0;
      const paymentMethod = paid ? rng.pick(V.PAYMENT_METHODS) : "無";
      const onlineRegistration = !rng.chance(0.1);
      const ownUnitAllowed = SCHOOL_STAGE_SET.has(unit.unit.stage) && unit.teachers.length > 0 && onlineRegistration && classType === "NON_CREDIT";
      const eligibility: Eligibility =
        ownUnitAllowed && rng.chance(category === "校本研習" ? 0.85 : 0.1) ? "OWN_UNIT_ONLY" : "ANY_TEACHER";
      const admissionMode: AdmissionMode = onlineRegistration && rng.chance(0.2) ? "AUTOMATIC" : "MANUAL_REVIEW";
      const waitlistLimit = onlineRegistration && rng.chance(0.65) ? rng.int(1, 20) : 0;
      const formFields: FormField[] = [];
      if (onlineRegistration) {
        const long = length > 0;
        const p: Record<FormField, number> = {
          jobTitle: 0.3,
          mobile: 0.5,
          subject: 0.3,
          schoolCategory: 0.25,
          meal: hours >= 3 || long ? 0.75 : 0.12,
          lodging: long ? 0.6 : 0.02,
          transport: long ? 0.3 : 0.06,
          parking: 0.15,
          emergencyContact: long ? 0.5 : 0.08,
          nationalId: 0.3,
          birthday: 0.15,
        };
        for (const f of FORM_FIELDS) if (rng.chance(p[f])) formFields.push(f);
      }

      // Venue
      let host = unit;
      const travels = classType === "NON_CREDIT" && stage !== "幼兒園" && stage !== "特殊教育";
      if (travels && rng.chance(unit.unit.stage === "GOVERNMENT" || unit.unit.stage === "SUBJECT_CENTER" ? 0.5 : 0.08)) {
        const local = rng.chance(0.6) ? countyUnits.get(unit.unit.county) : undefined;
        const list = local && local.length ? local : schoolUnits;
        if (list.length) host = rng.pick(list);
      }
      let venue: string;
      if (rng.chance(0.05)) venue = "線上研習（視訊會議，連結於研習前以電子郵件寄送）";
      else venue = `${host.unit.address}（${host.unit.name}${rng.pick(V.VENUE_ROOMS)}）`;
      const venueCounty = host.unit.county;

      // Status and timeline
      let status: CourseStatus;
      const s = rng.next();
      if (upcoming) status = s < 0.03 ? "DRAFT" : s < 0.08 ? "SUBMITTED" : s < 0.105 ? "CANCELLED" : "PUBLISHED";
      else status = s < 0.02 ? "CANCELLED" : "PUBLISHED";
      const closeDay = startDay - rng.int(1, 10);
      let listedDay = startDay - (classType === "NON_CREDIT" ? rng.int(20, 120) : rng.int(60, 150));
      if (listedDay > this.todayDay - 1) listedDay = this.todayDay - 1;
      if (listedDay > closeDay - 2) listedDay = closeDay - rng.int(3, 20);
      const listedMs = taipei(listedDay, rng.int(8 * 60, 12 * 60)) + rng.int(0, 59) * 1000;
      let publishedDay = Math.min(listedDay + rng.int(1, 5), closeDay - 1, this.todayDay - 1);
      if (publishedDay < listedDay) publishedDay = listedDay;
      const publishedMs = taipei(publishedDay, rng.int(13 * 60, 18 * 60 - 1)) + rng.int(0, 59) * 1000;
      let opensDay = rng.chance(0.6) ? publishedDay + rng.int(0, 3) : Math.max(publishedDay, closeDay - rng.int(7, 30));
      if (opensDay > closeDay) opensDay = closeDay;
      if (opensDay === this.todayDay) opensDay = this.todayDay - 1;
      let opensMs = taipei(opensDay, 8 * 60);
      if (opensMs < publishedMs) opensMs = publishedMs + 30 * MINUTE_MS;
      const closesMs = taipei(closeDay + 1, 0);
      let cancelledMs: number | null = null;
      let statusNote: string | null = null;
      if (status === "CANCELLED") {
        const latest = Math.min(taipei(startDay, 0), this.now) - HOUR_MS;
        cancelledMs = latest > publishedMs + HOUR_MS ? publishedMs + HOUR_MS + Math.floor(rng.next() * (latest - publishedMs - HOUR_MS)) : publishedMs + HOUR_MS;
        statusNote = rng.pick(V.CANCEL_COURSE_NOTES);
      } else if (status === "DRAFT" && rng.chance(0.4)) {
        statusNote = rng.pick(V.RETURN_NOTES);
      }
      const published = status === "PUBLISHED" || status === "CANCELLED";

      // Contact and words
      const contact = unit.organizers.length ? rng.pick(unit.organizers) : this.demoOrganizer;
      const contactPhone = rng.chance(0.7) ? `${unit.unit.phone}#${rng.int(100, 899)}` : unit.unit.phone;
      const scope = rng.chance(0.4) ? "全國" : unit.unit.county.endsWith("縣") ? "本縣" : "本市";
      let audience: string;
      if (eligibility === "OWN_UNIT_ONLY") audience = rng.pick(["本校教師", "本校全體教師", "本校教職員"]);
      else if (classType !== "NON_CREDIT") audience = "具合格教師證書之現職教師";
      else if (issue) audience = `${scope}各級學校教師及對${issue.name}有興趣之教育人員`;
      else if (admin) audience = `${scope}${CURRICULUM_SCHOOL_WORDS[stage]}${office === "校長領導" ? "校長" : `${office}處室主任、組長及行政人員`}`;
      else audience = `${scope}${CURRICULUM_SCHOOL_WORDS[stage]}${subject.long}教師`;
      const focus = issue ? issue.name : admin ? `${office}行政` : `${subject.short}${topic}`;
      const sentences = [
        rng.pick([
          `本研習旨在協助教師掌握${focus}的核心理念與實務做法。`,
          `為深化${stage}${issue ? issue.name : subject.short}教學專業，特辦理本研習。`,
          `本課程聚焦${focus}，協助教師將研習所學轉化為課堂實踐。`,
        ]),
        rng.pick(V.DESCRIPTION_METHODS),
      ];
      const extra = rng.int(0, 2);
      const closings = rng.sample(V.DESCRIPTION_CLOSINGS, extra);
      for (const c of closings) sentences.push(c.replace("{hours}", String(hours)));
      if (formFields.includes("meal") && sentences.length < 4 && rng.chance(0.5)) sentences.push("本研習提供午餐，請於報名時填寫用餐類別。");

      const updatedMs = Math.max(listedMs, published ? publishedMs : listedMs, cancelledMs ?? 0);
      const listedAt = new Date(listedMs);
      const course: DemoCourse = {
        id: 0,
        code: "",
        title,
        classType,
        category,
        subjectPath,
        schoolYear,
        semester,
        startDate: dayString(startDay),
        endDate: dayString(endDay),
        timeSlot,
        venue,
        venueCounty,
        hours,
        credits,
        description: sentences.join(""),
        audience,
        classCount,
        seatsPerClass,
        capacity,
        approvedCount: 0,
        fee,
        paymentMethod,
        organizerId: unit.unit.id,
        contactName: contact.name,
        contactPhone,
        contactEmail: contact.email,
        tags: [...tags],
        listedAt,
        registrationOpensAt: onlineRegistration ? new Date(opensMs) : null,
        registrationClosesAt: onlineRegistration ? new Date(closesMs) : null,
        onlineRegistration,
        formFields,
        eligibility,
        admissionMode,
        waitlistLimit,
        status,
        statusNote,
        publishedAt: published ? new Date(publishedMs) : null,
        cancelledAt: cancelledMs === null ? null : new Date(cancelledMs),
        createdAt: listedAt,
        updatedAt: updatedMs === listedMs ? listedAt : new Date(updatedMs),
      };
      generated.push({ course, unit, startDay, endDay, opensMs, closesMs, listedMs, order: i });
    }

    // Ids and codes follow the order courses entered the system, like the original's codes.
    generated.sort((a, b) => a.listedMs - b.listedMs || a.order - b.order);
    const maxGap = Math.max(1, Math.min(40, Math.floor((8_900_000 - 2_000_000) / Math.max(1, generated.length)) * 2 - 1));
    let code = 2_000_000 + rng.int(0, 999);
    let id = this.courseInfos.length + 1;
    for (const info of generated) {
      code += rng.int(1, maxGap);
      info.course.id = id++;
      info.course.code = String(code);
      this.courseInfos.push(info);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Fixture courses (ids 1–12): fixed situations for tests and demos.

  private createFixtureCourses(): void {
    const rng = this.rng("fixtures");
    const d = this.todayDay;
    const school = this.demoSchool;
    const org = this.demoOrganizer;
    const others = this.teacherInfos.filter((t) => t.unit !== school);
    const colleagues = school.teachers.filter((t) => t !== this.schoolTeacher);
    const shuffled = rng.sample(others, 80);
    let cursor = 0;
    /** Distinct generated teachers, different for every fixture course. */
    const take = (n: number): TeacherInfo[] => {
      const out = shuffled.slice(cursor, cursor + n);
      cursor += out.length;
      return out;
    };
    const venue = `${school.unit.address}（${school.unit.name}視聽教室）`;

    type Fixture = {
      name: keyof typeof FIXTURE_COURSES;
      title: string;
      subjectPath: string;
      category: string;
      start: number;
      end?: number;
      hours: number;
      classCount?: number;
      seats: number;
      opens: number | null;
      closesDay: number | null;
      published?: number;
      status?: CourseStatus;
      admission?: AdmissionMode;
      eligibility?: Eligibility;
      waitlistLimit?: number;
      formFields?: FormField[];
      tags?: string[];
      statusNote?: string;
      cancelled?: number;
      description: string;
      audience?: string;
      timeSlot?: TimeSlot;
    };
    const fixtures: Fixture[] = [
      {
        name: "openManual",
        title: "【示範】國中數學領域素養導向教學研習（人工審核・報名中）",
        subjectPath: "國中 / 教學 / 數學領域",
        category: "一般研習",
        start: d + 21,
        hours: 3,
        seats: 40,
        opens: d - 5,
        closesDay: d + 14,
        waitlistLimit: 5,
        formFields: ["mobile", "meal"],
        description: "示範課程：報名開放中，由承辦人人工審核。已有正取、待審核、備取、不錄取與已取消的報名，可用來操作錄取審核。",
      },
      {
        name: "openAutomatic",
        title: "【示範】先到先得自動錄取研習（100名・搶報測試用）",
        subjectPath: "國中 / 教學 / 科技領域",
        category: "一般研習",
        start: d + 30,
        hours: 3,
        classCount: 2,
        seats: 50,
        opens: d - 1,
        closesDay: d + 20,
        admission: "AUTOMATIC",
        waitlistLimit: 20,
        formFields: [],
        tags: ["資訊教育"],
        description: "示範課程：報名開放中，依報名先後自動錄取前100名，其後列入備取（至多20名）。目前尚無任何報名，供搶報壓力測試使用。",
      },
      {
        name: "fullAutomatic",
        title: "【示範】先到先得額滿研習（5名・備取已滿）",
        subjectPath: "國中 / 教學 / 綜合活動領域",
        category: "工作坊",
        start: d + 25,
        hours: 6,
        seats: 5,
        opens: d - 3,
        closesDay: d + 18,
        admission: "AUTOMATIC",
        waitlistLimit: 3,
        formFields: ["meal"],
        description: "示範課程：名額5名已全數錄取，備取3名亦已額滿，新的報名將無法成立。",
      },
      {
        name: "ownUnitOnly",
        title: "【示範】校本研習：差異化教學與學習共同體（僅限本校教師）",
        subjectPath: "國中 / 教學 / 語文領域",
        category: "校本研習",
        start: d + 18,
        hours: 3,
        seats: 30,
        opens: d - 4,
        closesDay: d + 10,
        eligibility: "OWN_UNIT_ONLY",
        formFields: ["jobTitle"],
        audience: "本校教師",
        description: "示範課程：僅提供臺北市立示範國民中學教師報名，其他學校教師會看到「該課程僅提供校内教師報名」。",
      },
      {
        name: "opensLater",
        title: "【示範】國中英語文差異化教學工作坊（尚未開放報名）",
        subjectPath: "國中 / 教學 / 語文領域",
        category: "工作坊",
        start: d + 35,
        hours: 6,
        seats: 40,
        opens: d + 7,
        closesDay: d + 25,
        published: d - 2,
        formFields: ["meal"],
        tags: ["雙語教育"],
        description: "示範課程：已公告，報名將於7天後開放，頁面會顯示開放報名的時間。",
      },
      {
        name: "closed",
        title: "【示範】校園性別平等教育增能研習（報名已截止）",
        subjectPath: "國中 / 議題 / 性別平等教育",
        category: "增能研習",
        start: d + 5,
        hours: 3,
        seats: 20,
        opens: d - 20,
        closesDay: d - 1,
        waitlistLimit: 2,
        formFields: ["mobile"],
        tags: ["性別平等教育"],
        description: "示範課程：報名已於昨日截止，審核已完成。課程內容為性平事件處理流程與校園性別平等教育實務。",
      },
      {
        name: "noOnline",
        title: "【示範】特殊教育知能研習（未提供線上報名）",
        subjectPath: "國中 / 議題 / 特殊教育",
        category: "一般研習",
        start: d + 12,
        hours: 3,
        seats: 60,
        opens: null,
        closesDay: null,
        tags: ["特殊教育"],
        description: "示範課程：本研習採各校薦派，不提供線上報名，頁面顯示「未提供線上報名」。特教知能研習內容包含融合教育與特教學生輔導策略。",
      },
      {
        name: "cancelled",
        title: "【示範】戶外教育課程設計研習（已取消）",
        subjectPath: "國中 / 議題 / 戶外教育",
        category: "一般研習",
        start: d + 10,
        hours: 3,
        seats: 40,
        opens: d - 14,
        closesDay: d + 5,
        published: d - 15,
        status: "CANCELLED",
        cancelled: d - 2,
        statusNote: "講師因故無法出席，本研習取消",
        tags: ["戶外教育"],
        description: "示範課程：已由承辦人取消，頁面顯示取消原因。",
      },
      {
        name: "pastCompleted",
        title: "【示範】閱讀理解策略教學研習（已結訓）",
        subjectPath: "國中 / 議題 / 閱讀教育",
        category: "一般研習",
        start: d - 20,
        hours: 6,
        seats: 30,
        opens: d - 50,
        closesDay: d - 27,
        formFields: ["meal"],
        tags: ["閱讀教育"],
        description: "示範課程：已於20天前辦理完畢，出席已登錄並核予研習時數6小時。",
      },
      {
        name: "everyField",
        title: "【示範】海洋教育兩日研習營（完整報名表欄位）",
        subjectPath: "國中 / 議題 / 海洋教育",
        category: "工作坊",
        start: d + 40,
        end: d + 41,
        hours: 12,
        seats: 60,
        opens: d - 2,
        closesDay: d + 28,
        waitlistLimit: 10,
        formFields: [...FORM_FIELDS],
        tags: ["海洋教育", "戶外教育"],
        timeSlot: "WEEKEND",
        description: "示範課程：報名表包含所有欄位（職稱、手機號碼、任教科目、學校所屬類別、用餐、住宿、交通、停車、緊急聯絡人、身分證字號、生日），全部必填。",
      },
      {
        name: "submitted",
        title: "【示範】生成式AI融入教學工作坊（待區管中心審核）",
        subjectPath: "國中 / 議題 / 資訊教育",
        category: "工作坊",
        start: d + 45,
        hours: 3,
        seats: 40,
        opens: d + 10,
        closesDay: d + 35,
        status: "SUBMITTED",
        formFields: ["meal"],
        tags: ["資訊教育", "科技教育"],
        description: "示範課程：承辦人已送審，等待北區區管中心審核後公告。",
      },
      {
        name: "draft",
        title: "【示範】國中自然科學領域探究實作研習（草稿・退回修正）",
        subjectPath: "國中 / 教學 / 自然科學領域",
        category: "一般研習",
        start: d + 50,
        hours: 3,
        seats: 30,
        opens: d + 15,
        closesDay: d + 40,
        status: "DRAFT",
        statusNote: "請補充課程內容與講師資料後再送審",
        description: "示範課程：區管中心退回修正中的草稿，承辦人可編輯後重新送審。",
      },
    ];

    const byName = new Map<string, CourseInfo>();
    fixtures.forEach((f, index) => {
      const online = f.opens !== null && f.closesDay !== null;
      const status = f.status ?? "PUBLISHED";
      const listedDay = Math.min((f.opens ?? f.start - 10) - 3, d - 3);
      const listedMs = taipei(listedDay, 9 * 60 + 30);
      const publishedMs = status === "PUBLISHED" || status === "CANCELLED" ? taipei(f.published ?? listedDay + 1, 14 * 60) : null;
      const opensMs = f.opens === null ? 0 : taipei(f.opens, 8 * 60);
      const closesMs = f.closesDay === null ? 0 : taipei(f.closesDay + 1, 0);
      const end = f.end ?? f.start;
      const startDate = dayString(f.start);
      const { schoolYear, semester } = schoolTermOf(startDate);
      const cancelledMs = f.cancelled === undefined ? null : taipei(f.cancelled, 10 * 60);
      const course: DemoCourse = {
        id: index + 1,
        code: FIXTURE_COURSES[f.name],
        title: f.title,
        classType: "NON_CREDIT",
        category: f.category,
        subjectPath: f.subjectPath,
        schoolYear,
        semester,
        startDate,
        endDate: dayString(end),
        timeSlot: f.timeSlot ?? "WEEKDAY_DAYTIME",
        venue,
        venueCounty: school.unit.county,
        hours: f.hours,
        credits: null,
        description: f.description,
        audience: f.audience ?? "全國公私立國民中學教師",
        classCount: f.classCount ?? 1,
        seatsPerClass: f.seats,
        capacity: (f.classCount ?? 1) * f.seats,
        approvedCount: 0,
        fee: 0,
        paymentMethod: "無",
        organizerId: school.unit.id,
        contactName: org.name,
        contactPhone: `${school.unit.phone}#231`,
        contactEmail: org.email,
        tags: f.tags ?? [],
        listedAt: new Date(listedMs),
        registrationOpensAt: online ? new Date(opensMs) : null,
        registrationClosesAt: online ? new Date(closesMs) : null,
        onlineRegistration: online,
        formFields: online ? (f.formFields ?? []) : [],
        eligibility: f.eligibility ?? "ANY_TEACHER",
        admissionMode: f.admission ?? "MANUAL_REVIEW",
        waitlistLimit: f.waitlistLimit ?? 0,
        status,
        statusNote: f.statusNote ?? null,
        publishedAt: publishedMs === null ? null : new Date(publishedMs),
        cancelledAt: cancelledMs === null ? null : new Date(cancelledMs),
        createdAt: new Date(listedMs),
        updatedAt: new Date(Math.max(listedMs, publishedMs ?? 0, cancelledMs ?? 0)),
      };
      const info: CourseInfo = { course, unit: school, startDay: f.start, endDay: end, opensMs, closesMs, listedMs, order: -1 };
      this.courseInfos.push(info);
      byName.set(f.name, info);
    });

    // Hand-made registrations. Times: spread over the first days of each window.
    const reg = (info: CourseInfo, t: TeacherInfo, status: RegistrationStatus, k: number, note?: string) => {
      const base = info.opensMs + (k + 1) * 37 * MINUTE_MS + rng.int(0, 59) * 1000;
      const decided = Math.min(base + rng.int(2, 30) * HOUR_MS, info.course.registrationClosesAt!.getTime() - HOUR_MS, this.now - HOUR_MS);
      this.fixtureRegistration(rng, info, t, status, base, Math.max(decided, base + MINUTE_MS), note);
    };
    const teacher = this.demoTeacher;
    const schoolTeacher = this.schoolTeacher;

    {
      const c = byName.get("openManual")!;
      const plan: RegistrationStatus[] = ["APPROVED", "APPROVED", "APPROVED", "PENDING", "APPROVED", "REJECTED", "APPROVED", "WAITLISTED", "CANCELLED", "APPROVED", "PENDING", "WAITLISTED", "PENDING", "REJECTED", "CANCELLED"];
      reg(c, schoolTeacher, "APPROVED", 0);
      take(plan.length).forEach((t, k) => reg(c, t, plan[k], k + 1, plan[k] === "REJECTED" ? "非本研習參加對象" : undefined));
      reg(c, teacher, "PENDING", plan.length + 2);
    }
    {
      const c = byName.get("fullAutomatic")!;
      const others5 = take(7);
      others5.slice(0, 5).forEach((t, k) => reg(c, t, "APPROVED", k));
      reg(c, others5[5] ?? schoolTeacher, "WAITLISTED", 5);
      reg(c, teacher, "WAITLISTED", 6);
      if (others5[6]) reg(c, others5[6], "WAITLISTED", 7);
    }
    {
      const c = byName.get("ownUnitOnly")!;
      const plan: RegistrationStatus[] = ["APPROVED", "APPROVED", "PENDING", "PENDING", "CANCELLED"];
      colleagues.slice(0, plan.length).forEach((t, k) => reg(c, t, plan[k], k));
    }
    {
      const c = byName.get("closed")!;
      const plan: RegistrationStatus[] = ["APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "WAITLISTED", "WAITLISTED", "CANCELLED", "REJECTED"];
      reg(c, schoolTeacher, "APPROVED", 0);
      take(plan.length).forEach((t, k) => reg(c, t, plan[k], k + 1, plan[k] === "REJECTED" ? "報名資格不符" : undefined));
      reg(c, teacher, "REJECTED", plan.length + 1, "名額有限，優先錄取本市教師");
    }
    {
      const c = byName.get("pastCompleted")!;
      reg(c, teacher, "APPROVED", 0);
      reg(c, schoolTeacher, "APPROVED", 1);
      const plan: RegistrationStatus[] = ["APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "REJECTED", "REJECTED", "CANCELLED"];
      take(plan.length).forEach((t, k) => reg(c, t, plan[k], k + 2, plan[k] === "REJECTED" ? "名額已滿" : undefined));
      const demoIds = new Set([this.demoTeacher.user.id, this.schoolTeacher.user.id]);
      this.recordAttendance(
        rng,
        c,
        this.sim.registrations.filter((r) => r.courseId === c.course.id),
        (r) => demoIds.has(r.userId) || r.id % 7 !== 0,
      );
    }
    {
      const c = byName.get("everyField")!;
      const plan: RegistrationStatus[] = ["APPROVED", "PENDING", "PENDING"];
      take(plan.length).forEach((t, k) => reg(c, t, plan[k], k));
      reg(c, teacher, "CANCELLED", plan.length);
    }
    for (const info of byName.values()) {
      info.course.approvedCount = this.sim.registrations.filter((r) => r.courseId === info.course.id && r.status === "APPROVED").length;
    }

    // The demo accounts follow a few fixture courses.
    const fol = (t: TeacherInfo, name: keyof typeof FIXTURE_COURSES, daysAgo: number) =>
      this.addFollow(t.user.id, byName.get(name)!.course.id, taipei(d - daysAgo, 20 * 60 + rng.int(0, 59)));
    fol(teacher, "opensLater", 1);
    fol(teacher, "openAutomatic", 1);
    fol(teacher, "everyField", 1);
    fol(schoolTeacher, "ownUnitOnly", 2);
    fol(schoolTeacher, "opensLater", 1);
  }

  /** One registration with a chosen final status, and the events that lead to it. */
  private fixtureRegistration(
    rng: Random,
    info: CourseInfo,
    t: TeacherInfo,
    status: RegistrationStatus,
    registeredMs: number,
    decidedMs: number,
    note?: string,
  ): void {
    const course = info.course;
    const sim = this.sim;
    const id = sim.nextRegistrationId++;
    const events: DemoRegistrationEvent[] = [];
    const registeredAt = new Date(registeredMs);
    const decidedAt = new Date(decidedMs);
    const ev = (from: RegistrationStatus | null, to: RegistrationStatus, actorId: number | null, at: number, reason: string | null) =>
      events.push({
        id: sim.nextEventId++,
        registrationId: id,
        actorId,
        fromStatus: from,
        toStatus: to,
        reason,
        createdAt: at === registeredMs ? registeredAt : decidedAt,
      });
    ev(null, "PENDING", t.user.id, registeredMs, null);
    let changed = registeredMs;
    if (course.admissionMode === "AUTOMATIC") {
      ev("PENDING", status, null, registeredMs, status === "APPROVED" ? "先到先得自動錄取" : "名額已滿，自動列入備取");
    } else if (status === "CANCELLED") {
      ev("PENDING", "CANCELLED", t.user.id, decidedMs, null);
      changed = decidedMs;
    } else if (status !== "PENDING") {
      ev("PENDING", status, this.demoOrganizer.id, decidedMs, note ?? null);
      changed = decidedMs;
    }
    sim.events.push(...events);
    sim.registrations.push({
      id,
      courseId: course.id,
      userId: t.user.id,
      status,
      answers: this.answers(rng, course.formFields, t),
      nationalId: course.formFields.includes("nationalId") ? t.user.nationalId : null,
      registeredAt,
      statusChangedAt: changed === registeredMs ? registeredAt : decidedAt,
      decisionNote: status === "REJECTED" || status === "WAITLISTED" ? (note ?? null) : null,
      attended: null,
      createdAt: registeredAt,
      updatedAt: changed === registeredMs ? registeredAt : decidedAt,
    });
  }

  private answers(rng: Random, fields: readonly FormField[], t: TeacherInfo): RegistrationAnswers {
    const a: RegistrationAnswers = {};
    const u = t.user;
    for (const f of fields) {
      switch (f) {
        case "jobTitle":
          a.jobTitle = u.jobTitle ?? "教師";
          break;
        case "mobile":
          a.mobile = u.mobile ?? mobileNumber(rng);
          break;
        case "subject":
          a.subject = u.subject ?? "其他";
          break;
        case "schoolCategory":
          a.schoolCategory = `${t.unit.isPrivate ? "私立" : "公立"}${V.SCHOOL_CATEGORY[t.unit.unit.stage]}`;
          break;
        case "meal":
          a.meal = this.mealPicker.pick(rng);
          break;
        case "lodging":
          a.lodging = this.lodgingPicker.pick(rng);
          break;
        case "transport":
          a.transport = this.transportPicker.pick(rng);
          break;
        case "parking":
          a.parking = this.parkingPicker.pick(rng);
          break;
        case "emergencyContact":
          a.emergencyContact = { name: this.personName(rng, null), phone: mobileNumber(rng) };
          break;
        case "birthday":
          a.birthday = u.birthday ?? "1985-01-01";
          break;
        case "nationalId":
          break; // stored encrypted on the registration, never among the answers
      }
    }
    return a;
  }

  // -------------------------------------------------------------------------------------------
  // Registrations of generated courses: a small simulation per course, in time order.

  private createRegistrations(): void {
    const rng = this.rng("registrations");
    const generated = this.courseInfos.filter((c) => c.order >= 0);
    const open = (c: CourseInfo) =>
      c.course.status === "PUBLISHED" && c.course.onlineRegistration && c.opensMs < this.now - HOUR_MS;

    // Demo teachers register for a few generated courses, early in the window.
    const forced = new Map<CourseInfo, TeacherInfo[]>();
    const force = (t: TeacherInfo, filter: (c: CourseInfo) => boolean, count: number) => {
      const list = generated.filter((c) => open(c) && c.course.eligibility === "ANY_TEACHER" && filter(c));
      const local = list.filter((c) => c.course.venueCounty === t.county);
      const pool = local.length >= count ? local : list;
      for (const c of rng.sample(pool, count)) {
        const existing = forced.get(c);
        if (existing) existing.push(t);
        else forced.set(c, [t]);
      }
    };
    const d = this.todayDay;
    force(this.demoTeacher, (c) => c.endDay < d - 10 && c.endDay > d - 400, 5);
    force(this.demoTeacher, (c) => c.startDay >= d && c.closesMs > this.now, 3);
    force(this.demoTeacher, (c) => c.startDay >= d && c.closesMs <= this.now, 1);
    force(this.schoolTeacher, (c) => c.endDay < d - 10 && c.endDay > d - 400 && !forced.get(c)?.length, 3);
    force(this.schoolTeacher, (c) => c.startDay >= d && c.closesMs > this.now && !forced.get(c)?.length, 2);

    for (const c of generated) {
      if (!open(c)) continue;
      const must = forced.get(c) ?? [];
      let n = 0;
      const r = rng.next();
      if (r < 0.055) n = Math.round(c.course.capacity * rng.float(0.5, 1.3));
      else if (r < 0.3) n = rng.int(1, Math.min(10, c.course.capacity));
      if (n === 0 && must.length === 0) continue;
      n = Math.min(n, 150);
      const participants = [...must, ...this.pickParticipants(rng, c, n, must)];
      this.simulate(rng, c, participants, must.length);
    }
  }

  private pickParticipants(rng: Random, c: CourseInfo, n: number, exclude: TeacherInfo[]): TeacherInfo[] {
    const chosen = new Set<TeacherInfo>(exclude);
    const out: TeacherInfo[] = [];
    if (c.course.eligibility === "OWN_UNIT_ONLY") {
      const pool = c.unit.teachers.filter((t) => t.user.id > 10 && !chosen.has(t));
      return rng.sample(pool, Math.min(n, pool.length));
    }
    const local = this.teachersByCounty.get(c.course.venueCounty) ?? [];
    const all = this.teacherInfos;
    const limit = Math.min(n, all.length - exclude.length);
    let guard = 0;
    while (out.length < limit && guard++ < limit * 20) {
      const pool = local.length > n * 2 && rng.chance(0.7) ? local : all;
      const t = pool[Math.floor(rng.next() * pool.length)];
      if (chosen.has(t)) continue;
      chosen.add(t);
      out.push(t);
    }
    return out;
  }

  private simulate(rng: Random, c: CourseInfo, participants: TeacherInfo[], forcedCount: number): void {
    const course = c.course;
    const sim = this.sim;
    const startMs = taipei(c.startDay, 0);
    const closeEff = Math.min(c.closesMs, this.now);
    const span = closeEff - c.opensMs;
    if (span <= MINUTE_MS) return;
    const automatic = course.admissionMode === "AUTOMATIC";
    const rush = rng.chance(automatic ? 0.6 : 0.3);
    const rejectRate = rng.float(0, 0.08);
    const batchReview = !automatic && rng.chance(0.5);
    const batchAt = c.closesMs + rng.int(2, 40) * HOUR_MS;
    const organizers = c.unit.organizers.length ? c.unit.organizers : [this.demoOrganizer];
    const reviewer = rng.pick(organizers);
    const forcedSet = new Set(participants.slice(0, forcedCount));

    type Entry = { t: TeacherInfo; at: number; reg?: DemoRegistration; events: DemoRegistrationEvent[] };
    const entries: Entry[] = participants.map((t, i) => {
      let at: number;
      if (i < forcedCount) at = c.opensMs + rng.int(3, 90) * MINUTE_MS;
      else {
        const u = rng.next();
        at = c.opensMs + Math.floor(span * (rush ? u * u * u : u * Math.sqrt(u)));
      }
      at = Math.min(Math.max(at, c.opensMs + 1000), closeEff - 1000);
      at = Math.floor(at / 1000) * 1000 + rng.int(0, 999);
      return { t, at, events: [] };
    });
    entries.sort((a, b) => a.at - b.at);

    // Actions: 0 register, 1 review, 2 cancel (by the teacher), in time order.
    type Action = { at: number; kind: 0 | 1 | 2; e: Entry };
    const actions: Action[] = [];
    entries.forEach((e, i) => {
      actions.push({ at: e.at, kind: 0, e });
      if (!automatic) {
        let review: number;
        if (batchReview) review = Math.max(e.at + MINUTE_MS, Math.min(batchAt, startMs - HOUR_MS) + i * 5_000);
        else review = e.at + Math.min(rng.float(0.05, 3) * DAY_MS, (startMs - e.at) / 2);
        review = Math.max(e.at, Math.min(Math.floor(review), startMs - 1000));
        if (review < this.now && review < startMs) actions.push({ at: review, kind: 1, e });
      }
      if (!forcedSet.has(e.t) && rng.chance(0.07)) {
        const latest = Math.min(c.closesMs, this.now, startMs);
        const cancel = Math.floor(e.at + rng.next() * (latest - e.at));
        if (cancel > e.at && cancel < this.now) actions.push({ at: cancel, kind: 2, e });
      }
    });
    actions.sort((a, b) => a.at - b.at || a.kind - b.kind);

    let approved = 0;
    let waitlisted = 0;
    const waitlist: Entry[] = [];
    const setStatus = (e: Entry, to: RegistrationStatus, actorId: number | null, at: number, reason: string | null) => {
      const reg = e.reg!;
      const from = reg.status;
      if (from === "APPROVED") approved--;
      if (from === "WAITLISTED") {
        waitlisted--;
        waitlist.splice(waitlist.indexOf(e), 1);
      }
      if (to === "APPROVED") approved++;
      if (to === "WAITLISTED") {
        waitlisted++;
        waitlist.push(e);
      }
      reg.status = to;
      reg.decisionNote = to === "CANCELLED" || to === "PENDING" ? null : reason;
      const when = at === reg.registeredAt.getTime() ? reg.registeredAt : new Date(at);
      reg.statusChangedAt = when;
      reg.updatedAt = when;
      e.events.push({ id: 0, registrationId: reg.id, actorId, fromStatus: from, toStatus: to, reason, createdAt: when });
    };

    for (const a of actions) {
      const e = a.e;
      if (a.kind === 0) {
        if (automatic && approved >= course.capacity && waitlisted >= course.waitlistLimit) continue; // refused
        const at = new Date(a.at);
        const reg: DemoRegistration = {
          id: 0,
          courseId: course.id,
          userId: e.t.user.id,
          status: "PENDING",
          answers: this.answers(rng, course.formFields, e.t),
          nationalId: course.formFields.includes("nationalId") ? e.t.user.nationalId : null,
          registeredAt: at,
          statusChangedAt: at,
          decisionNote: null,
          attended: null,
          createdAt: at,
          updatedAt: at,
        };
        e.reg = reg;
        e.events.push({ id: 0, registrationId: 0, actorId: e.t.user.id, fromStatus: null, toStatus: "PENDING", reason: null, createdAt: at });
        if (automatic) {
          if (approved < course.capacity) setStatus(e, "APPROVED", null, a.at, "先到先得自動錄取");
          else setStatus(e, "WAITLISTED", null, a.at, "名額已滿，自動列入備取");
        }
      } else if (a.kind === 1) {
        if (!e.reg || e.reg.status !== "PENDING") continue;
        const actor = organizers.length > 1 && rng.chance(0.3) ? rng.pick(organizers) : reviewer;
        if (rng.chance(rejectRate)) setStatus(e, "REJECTED", actor.id, a.at, V.REJECT_NOTES[rng.int(1, V.REJECT_NOTES.length - 1)]);
        else if (approved < course.capacity) setStatus(e, "APPROVED", actor.id, a.at, null);
        else if (waitlisted < course.waitlistLimit) setStatus(e, "WAITLISTED", actor.id, a.at, "名額已滿，列入備取");
        else setStatus(e, "REJECTED", actor.id, a.at, "名額已滿");
      } else {
        if (!e.reg || e.reg.status === "CANCELLED" || e.reg.status === "REJECTED") continue;
        const wasApproved = e.reg.status === "APPROVED";
        setStatus(e, "CANCELLED", e.t.user.id, a.at, null);
        const promoteAt = a.at + (automatic ? 0 : rng.int(1, 20) * HOUR_MS);
        if (wasApproved && waitlist.length && promoteAt < this.now && promoteAt < startMs) {
          const next = waitlist[0];
          setStatus(next, "APPROVED", automatic ? null : reviewer.id, promoteAt, "正取者取消報名，備取遞補");
        }
      }
    }

    // Ids in registration order; events in time order.
    const made = entries.filter((e) => e.reg);
    for (const e of made) {
      const reg = e.reg!;
      reg.id = sim.nextRegistrationId++;
      sim.registrations.push(reg);
    }
    const events = made.flatMap((e) => e.events.map((ev) => ({ ev, reg: e.reg! })));
    events.sort((a, b) => a.ev.createdAt.getTime() - b.ev.createdAt.getTime());
    for (const { ev, reg } of events) {
      ev.id = sim.nextEventId++;
      ev.registrationId = reg.id;
      sim.events.push(ev);
    }
    course.approvedCount = approved;

    if (c.endDay < this.todayDay) {
      const recorded = c.endDay >= this.todayDay - 5 && rng.chance(0.5) ? false : true;
      if (recorded) this.recordAttendance(rng, c, made.map((e) => e.reg!), () => rng.chance(0.92));
    }
  }

  /** Attendance for a past course's approved registrations, and training records for attendees. */
  private recordAttendance(
    rng: Random,
    c: CourseInfo,
    regs: readonly DemoRegistration[],
    attended: (r: DemoRegistration) => boolean,
  ): void {
    const sim = this.sim;
    const recordDay = Math.min(c.endDay + rng.int(0, 4), this.todayDay - 1);
    const at = taipei(recordDay, 16 * 60 + rng.int(0, 119));
    const recordedAt = new Date(at);
    for (const r of regs) {
      if (r.status !== "APPROVED") continue;
      r.attended = attended(r);
      if (r.updatedAt.getTime() < at) r.updatedAt = recordedAt;
      if (!r.attended) continue;
      sim.trainingRecords.push({
        id: sim.nextTrainingRecordId++,
        userId: r.userId,
        courseId: c.course.id,
        hours: c.course.hours,
        schoolYear: c.course.schoolYear,
        completedOn: c.course.endDate,
        createdAt: recordedAt,
        updatedAt: recordedAt,
      });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Follows

  private addFollow(userId: number, courseId: number, at: number): boolean {
    const key = userId * 10_000_000 + courseId;
    if (this.followKeys.has(key)) return false;
    this.followKeys.add(key);
    this.follows.push({ userId, courseId, createdAt: new Date(at) });
    return true;
  }

  private createFollows(): void {
    const rng = this.rng("follows");
    const visible = this.courseInfos.filter(
      (c) => c.order >= 0 && c.course.status === "PUBLISHED" && c.course.publishedAt!.getTime() < this.now - HOUR_MS,
    );
    const upcoming = visible.filter((c) => c.startDay >= this.todayDay);
    const followAt = (c: CourseInfo) => {
      const from = c.course.publishedAt!.getTime();
      const to = Math.min(this.now, taipei(c.startDay, 0)) - MINUTE_MS;
      return to > from ? from + Math.floor(rng.next() * (to - from)) : from;
    };
    for (const t of [this.demoTeacher, this.schoolTeacher]) {
      for (const c of rng.sample(upcoming, t === this.demoTeacher ? 4 : 2)) this.addFollow(t.user.id, c.course.id, followAt(c));
    }
    if (!visible.length || !this.teacherInfos.length) return;
    const target = Math.round(this.options.courses * 0.25);
    for (let i = 0; i < target; i++) {
      const t = this.teacherInfos[Math.floor(rng.next() * this.teacherInfos.length)];
      const list = upcoming.length && rng.chance(0.6) ? upcoming : visible;
      const c = list[Math.floor(rng.next() * list.length)];
      this.addFollow(t.user.id, c.course.id, followAt(c));
    }
  }
}
