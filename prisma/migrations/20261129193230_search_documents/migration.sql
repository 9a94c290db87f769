-- CreateTable
CREATE TABLE "SearchDocument" (
    "code" TEXT NOT NULL,
    "courseId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "classType" "ClassType" NOT NULL,
    "category" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "timeSlot" "TimeSlot" NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL,
    "fee" INTEGER NOT NULL,
    "venue" TEXT NOT NULL,
    "venueCounty" TEXT NOT NULL,
    "organizerName" TEXT NOT NULL,
    "organizerStage" "UnitStage" NOT NULL,
    "organizerCounty" TEXT NOT NULL,
    "tags" TEXT[],
    "onlineRegistration" BOOLEAN NOT NULL,
    "registrationOpensAt" TIMESTAMP(3),
    "registrationClosesAt" TIMESTAMP(3),
    "status" "CourseStatus" NOT NULL,
    "terms" tsvector NOT NULL,
    "courseUpdatedAt" TIMESTAMP(3) NOT NULL,
    "indexedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "SearchIndexState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "engine" TEXT NOT NULL,
    "lastSyncedAt" TIMESTAMP(3) NOT NULL,
    "lastRebuiltAt" TIMESTAMP(3),
    "documentCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SearchIndexState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchDocument_courseId_key" ON "SearchDocument"("courseId");

-- CreateIndex
CREATE INDEX "SearchDocument_startDate_idx" ON "SearchDocument"("startDate");

-- CreateIndex
CREATE INDEX "SearchDocument_endDate_idx" ON "SearchDocument"("endDate");

-- CreateIndex
CREATE INDEX "SearchDocument_venueCounty_startDate_idx" ON "SearchDocument"("venueCounty", "startDate");

-- CreateIndex
CREATE INDEX "SearchDocument_organizerStage_startDate_idx" ON "SearchDocument"("organizerStage", "startDate");

-- CreateIndex
CREATE INDEX "SearchDocument_venueCounty_organizerStage_startDate_idx" ON "SearchDocument"("venueCounty", "organizerStage", "startDate");

-- Hand-written: rules Prisma cannot express
-- Search words (CJK bigrams, single characters, letters, numbers) with positions and weights.
CREATE INDEX "SearchDocument_terms_idx" ON "SearchDocument" USING GIN ("terms");
-- 專案屬性標籤 filter (any of the chosen tags).
CREATE INDEX "SearchDocument_tags_idx" ON "SearchDocument" USING GIN ("tags");
-- The state table has exactly one row.
ALTER TABLE "SearchIndexState" ADD CONSTRAINT search_index_state_single_row CHECK ("id" = 1);
-- Searches run side by side under load: no parallel workers for one search (the rebuild copies
-- these table options to each new table).
ALTER TABLE "SearchDocument" SET (parallel_workers = 0);
-- Sorting by course code (codes are numeric strings: shorter codes first).
CREATE INDEX "SearchDocument_code_length_idx" ON "SearchDocument" ((length("code")), "code");
-- County and organizer stage are often chosen together (依研習地點搜尋, 依開課單位搜尋) and are far
-- from independent: tell the planner how they combine.
CREATE STATISTICS "SearchDocument_county_stage_stat" (dependencies, mcv) ON "venueCounty", "organizerStage" FROM "SearchDocument";
