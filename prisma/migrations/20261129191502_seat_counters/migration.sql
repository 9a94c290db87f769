-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "activeCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "waitlistedCount" INTEGER NOT NULL DEFAULT 0;

-- Hand-written: rules Prisma cannot express
ALTER TABLE "Course" ADD CONSTRAINT course_waitlisted_not_negative CHECK ("waitlistedCount" >= 0);
ALTER TABLE "Course" ADD CONSTRAINT course_active_covers_approved_and_waitlisted CHECK ("activeCount" >= "approvedCount" + "waitlistedCount");
