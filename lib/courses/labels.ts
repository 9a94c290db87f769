import type { ClassType, CourseStatus, PositionType, RegistrationStatus, TimeSlot, UnitStage } from "@/generated/prisma/enums";

/** Chinese labels of the domain's enums (shared/domain.md). */
export const CLASS_TYPE_LABELS: Record<ClassType, string> = {
  NON_CREDIT: "非學分班",
  CREDIT: "學分班",
  DEGREE: "學位班",
};

export const COURSE_STATUS_LABELS: Record<CourseStatus, string> = {
  DRAFT: "草稿",
  SUBMITTED: "待區管中心審核",
  PUBLISHED: "已公告",
  CANCELLED: "已取消",
};

export const TIME_SLOT_LABELS: Record<TimeSlot, string> = {
  WEEKDAY_DAYTIME: "週一至週五白天",
  WEEKDAY_EVENING: "週一至週五晚上",
  WEEKEND: "週末",
  SCHOOL_BREAK: "寒暑假",
};

export const STAGE_LABELS: Record<UnitStage, string> = {
  UNIVERSITY: "大專校院",
  SENIOR_HIGH: "高中",
  VOCATIONAL_HIGH: "高職",
  JUNIOR_HIGH: "國中",
  ELEMENTARY: "國小",
  KINDERGARTEN: "幼兒園",
  SPECIAL_SCHOOL: "特教學校",
  SUBJECT_CENTER: "學科中心",
  ADVISORY_GROUP: "輔導團/教研中心",
  GOVERNMENT: "政府機關/社教機構",
  EXPERIMENTAL: "實驗教育機構",
};

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  PENDING: "待審核",
  APPROVED: "審核通過",
  REJECTED: "審核不通過",
  WAITLISTED: "備取",
  CANCELLED: "已取消",
};

export const POSITION_TYPE_LABELS: Record<PositionType, string> = {
  QUALIFIED_FULL_TIME: "合格專任教師",
  SUBSTITUTE: "代理代課教師",
  PART_TIME: "兼任教師",
  INTERN: "實習教師",
  OTHER: "其他",
};

export const COUNTIES = [
  "臺北市", "新北市", "桃園市", "臺中市", "臺南市", "高雄市", "基隆市", "新竹市", "嘉義市", "新竹縣", "苗栗縣",
  "彰化縣", "南投縣", "雲林縣", "嘉義縣", "屏東縣", "宜蘭縣", "花蓮縣", "臺東縣", "澎湖縣", "金門縣", "連江縣",
] as const;
export type County = (typeof COUNTIES)[number];

export const GENDER_LABELS: Record<"MALE" | "FEMALE" | "OTHER", string> = {
  MALE: "男",
  FEMALE: "女",
  OTHER: "其他",
};
