-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('TEACHER', 'ORGANIZER', 'REGION_ADMIN');

-- CreateEnum
CREATE TYPE "UnitStage" AS ENUM ('UNIVERSITY', 'SENIOR_HIGH', 'VOCATIONAL_HIGH', 'JUNIOR_HIGH', 'ELEMENTARY', 'KINDERGARTEN', 'SPECIAL_SCHOOL', 'SUBJECT_CENTER', 'ADVISORY_GROUP', 'GOVERNMENT', 'EXPERIMENTAL');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE', 'OTHER');

-- CreateEnum
CREATE TYPE "PositionType" AS ENUM ('QUALIFIED_FULL_TIME', 'SUBSTITUTE', 'PART_TIME', 'INTERN', 'OTHER');

-- CreateEnum
CREATE TYPE "ClassType" AS ENUM ('NON_CREDIT', 'CREDIT', 'DEGREE');

-- CreateEnum
CREATE TYPE "TimeSlot" AS ENUM ('WEEKDAY_DAYTIME', 'WEEKDAY_EVENING', 'WEEKEND', 'SCHOOL_BREAK');

-- CreateEnum
CREATE TYPE "CourseStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Eligibility" AS ENUM ('ANY_TEACHER', 'OWN_UNIT_ONLY');

-- CreateEnum
CREATE TYPE "AdmissionMode" AS ENUM ('MANUAL_REVIEW', 'AUTOMATIC');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'WAITLISTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "IdempotencyState" AS ENUM ('IN_PROGRESS', 'COMPLETED');

-- CreateTable
CREATE TABLE "Unit" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "county" TEXT NOT NULL,
    "stage" "UnitStage" NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "name" TEXT NOT NULL,
    "gender" "Gender",
    "email" TEXT NOT NULL,
    "unitId" INTEGER,
    "positionType" "PositionType",
    "regionCounties" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "nationalIdCipher" TEXT,
    "nationalIdKeyId" TEXT,
    "nationalIdHash" TEXT,
    "mobile" TEXT,
    "jobTitle" TEXT,
    "subject" TEXT,
    "birthday" DATE,
    "passwordChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Course" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "classType" "ClassType" NOT NULL,
    "category" TEXT NOT NULL,
    "subjectPath" TEXT NOT NULL,
    "schoolYear" INTEGER NOT NULL,
    "semester" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "timeSlot" "TimeSlot" NOT NULL,
    "venue" TEXT NOT NULL,
    "venueCounty" TEXT NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL,
    "credits" INTEGER,
    "description" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "classCount" INTEGER NOT NULL,
    "seatsPerClass" INTEGER NOT NULL,
    "capacity" INTEGER NOT NULL,
    "approvedCount" INTEGER NOT NULL DEFAULT 0,
    "fee" INTEGER NOT NULL DEFAULT 0,
    "paymentMethod" TEXT NOT NULL DEFAULT '無',
    "organizerId" INTEGER NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "listedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "registrationOpensAt" TIMESTAMP(3),
    "registrationClosesAt" TIMESTAMP(3),
    "onlineRegistration" BOOLEAN NOT NULL DEFAULT true,
    "formFields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "eligibility" "Eligibility" NOT NULL DEFAULT 'ANY_TEACHER',
    "admissionMode" "AdmissionMode" NOT NULL DEFAULT 'MANUAL_REVIEW',
    "waitlistLimit" INTEGER NOT NULL DEFAULT 0,
    "status" "CourseStatus" NOT NULL DEFAULT 'DRAFT',
    "statusNote" TEXT,
    "publishedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Registration" (
    "id" SERIAL NOT NULL,
    "courseId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "status" "RegistrationStatus" NOT NULL,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "nationalIdCipher" TEXT,
    "nationalIdKeyId" TEXT,
    "nationalIdHash" TEXT,
    "registeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decisionNote" TEXT,
    "attended" BOOLEAN,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationEvent" (
    "id" BIGSERIAL NOT NULL,
    "registrationId" INTEGER NOT NULL,
    "actorId" INTEGER,
    "fromStatus" "RegistrationStatus",
    "toStatus" "RegistrationStatus" NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistrationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Follow" (
    "userId" INTEGER NOT NULL,
    "courseId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("userId","courseId")
);

-- CreateTable
CREATE TABLE "SavedSearch" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "lastNotifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedSearch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRecord" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "courseId" INTEGER NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL,
    "schoolYear" INTEGER NOT NULL,
    "completedOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "userId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "state" "IdempotencyState" NOT NULL DEFAULT 'IN_PROGRESS',
    "responseStatus" INTEGER,
    "responseBody" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("userId","key")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountLock" (
    "username" TEXT NOT NULL,
    "lockedUntil" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountLock_pkey" PRIMARY KEY ("username")
);

-- CreateTable
CREATE TABLE "CaptchaChallenge" (
    "id" TEXT NOT NULL,
    "answerHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaptchaChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE INDEX "Unit_county_stage_idx" ON "Unit"("county", "stage");

-- CreateIndex
CREATE INDEX "Unit_stage_idx" ON "Unit"("stage");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_unitId_idx" ON "User"("unitId");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE INDEX "User_nationalIdHash_idx" ON "User"("nationalIdHash");

-- CreateIndex
CREATE UNIQUE INDEX "Course_code_key" ON "Course"("code");

-- CreateIndex
CREATE INDEX "Course_organizerId_idx" ON "Course"("organizerId");

-- CreateIndex
CREATE INDEX "Course_status_startDate_idx" ON "Course"("status", "startDate");

-- CreateIndex
CREATE INDEX "Course_venueCounty_idx" ON "Course"("venueCounty");

-- CreateIndex
CREATE INDEX "Course_updatedAt_idx" ON "Course"("updatedAt");

-- CreateIndex
CREATE INDEX "Registration_courseId_status_registeredAt_idx" ON "Registration"("courseId", "status", "registeredAt");

-- CreateIndex
CREATE INDEX "Registration_userId_registeredAt_idx" ON "Registration"("userId", "registeredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_courseId_userId_key" ON "Registration"("courseId", "userId");

-- CreateIndex
CREATE INDEX "RegistrationEvent_registrationId_createdAt_idx" ON "RegistrationEvent"("registrationId", "createdAt");

-- CreateIndex
CREATE INDEX "Follow_courseId_idx" ON "Follow"("courseId");

-- CreateIndex
CREATE INDEX "SavedSearch_userId_idx" ON "SavedSearch"("userId");

-- CreateIndex
CREATE INDEX "TrainingRecord_userId_schoolYear_idx" ON "TrainingRecord"("userId", "schoolYear");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingRecord_userId_courseId_key" ON "TrainingRecord"("userId", "courseId");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_expiresAt_idx" ON "IdempotencyRecord"("expiresAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_username_createdAt_idx" ON "LoginAttempt"("username", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE INDEX "CaptchaChallenge_expiresAt_idx" ON "CaptchaChallenge"("expiresAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_organizerId_fkey" FOREIGN KEY ("organizerId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationEvent" ADD CONSTRAINT "RegistrationEvent_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationEvent" ADD CONSTRAINT "RegistrationEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearch" ADD CONSTRAINT "SavedSearch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecord" ADD CONSTRAINT "TrainingRecord_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecord" ADD CONSTRAINT "TrainingRecord_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: rules Prisma cannot express
-- Everything below this line is kept by hand (it is not generated from prisma/schema.prisma).

-- Trigram indexes for course search use pg_trgm.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Course: seats, counts, dates and codes
ALTER TABLE "Course" ADD CONSTRAINT course_approved_within_capacity
    CHECK ("approvedCount" >= 0 AND "approvedCount" <= "capacity");
ALTER TABLE "Course" ADD CONSTRAINT course_capacity_is_classes_times_seats
    CHECK ("capacity" = "classCount" * "seatsPerClass");
ALTER TABLE "Course" ADD CONSTRAINT course_class_and_seat_counts_positive
    CHECK ("classCount" >= 1 AND "seatsPerClass" >= 1);
ALTER TABLE "Course" ADD CONSTRAINT course_end_not_before_start
    CHECK ("endDate" >= "startDate");
ALTER TABLE "Course" ADD CONSTRAINT course_hours_not_negative
    CHECK ("hours" >= 0);
ALTER TABLE "Course" ADD CONSTRAINT course_fee_not_negative
    CHECK ("fee" >= 0);
ALTER TABLE "Course" ADD CONSTRAINT course_waitlist_limit_not_negative
    CHECK ("waitlistLimit" >= 0);
ALTER TABLE "Course" ADD CONSTRAINT course_semester_is_1_or_2
    CHECK ("semester" IN (1, 2));
ALTER TABLE "Course" ADD CONSTRAINT course_code_is_numeric
    CHECK ("code" ~ '^[0-9]+$');
ALTER TABLE "Course" ADD CONSTRAINT course_registration_closes_after_opening
    CHECK ("registrationClosesAt" IS NULL OR "registrationOpensAt" IS NULL OR "registrationClosesAt" >= "registrationOpensAt");

-- TrainingRecord
ALTER TABLE "TrainingRecord" ADD CONSTRAINT training_record_hours_not_negative
    CHECK ("hours" >= 0);
