-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "activeCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "waitlistedCount" INTEGER NOT NULL DEFAULT 0;

-- Hand-written: rules Prisma cannot express
ALTER TABLE "Course" ADD CONSTRAINT course_waitlisted_not_negative CHECK ("waitlistedCount" >= 0);
ALTER TABLE "Course" ADD CONSTRAINT course_active_covers_approved_and_waitlisted CHECK ("activeCount" >= "approvedCount" + "waitlistedCount");

-- 我要報名 in one round trip. Taking a seat locks the course row; doing the whole enrolment
-- inside the database means that lock is held for microseconds, not across an application
-- round trip, so a rush of thousands of requests for one course moves quickly.
-- Returns one row: the registration with created = true when it was made now; created =
-- false and the existing registration when the teacher already held an active one; or
-- status NULL when no place is left (then nothing was changed). "Full" is an answer, not
-- an error: errors are expensive for clients to handle by the thousand.
CREATE OR REPLACE FUNCTION enrol_take_place(
  p_course integer, p_user integer, p_answers jsonb, p_cipher text, p_key_id text, p_hash text
) RETURNS TABLE (status "RegistrationStatus", "registeredAt" timestamp(3), "statusChangedAt" timestamp(3), "decisionNote" text, created boolean)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_id integer;
  v_from "RegistrationStatus";
  v_status "RegistrationStatus";
  v_reason text;
  v_mode "AdmissionMode";
  v_created boolean := false;
BEGIN
  -- Times are stored as UTC without a zone, as Prisma stores them.
  BEGIN
    -- 1. Claim (course, teacher); a concurrent claim by the same teacher waits here.
    INSERT INTO "Registration" ("courseId", "userId", status, answers, "registeredAt", "statusChangedAt", "createdAt", "updatedAt")
    VALUES (p_course, p_user, 'PENDING', '{}'::jsonb, (clock_timestamp() AT TIME ZONE 'UTC'), (clock_timestamp() AT TIME ZONE 'UTC'), (clock_timestamp() AT TIME ZONE 'UTC'), (clock_timestamp() AT TIME ZONE 'UTC'))
    ON CONFLICT ("courseId", "userId") DO NOTHING
    RETURNING id INTO v_id;
    IF v_id IS NULL THEN
      SELECT r.id, r.status INTO v_id, v_from FROM "Registration" r WHERE r."courseId" = p_course AND r."userId" = p_user FOR UPDATE;
    END IF;

    IF v_from IS NULL OR v_from = 'CANCELLED' THEN
      -- 2. Take a place by a conditional update of the course's counters.
      SELECT c."admissionMode" INTO v_mode FROM "Course" c WHERE c.id = p_course;
      IF v_mode = 'AUTOMATIC' THEN
        UPDATE "Course" SET "approvedCount" = "approvedCount" + 1, "activeCount" = "activeCount" + 1
        WHERE id = p_course AND "approvedCount" < capacity;
        IF FOUND THEN
          v_status := 'APPROVED'; v_reason := '線上報名（先到先得，正取）';
        ELSE
          UPDATE "Course" SET "waitlistedCount" = "waitlistedCount" + 1, "activeCount" = "activeCount" + 1
          WHERE id = p_course AND "waitlistedCount" < "waitlistLimit";
          IF FOUND THEN v_status := 'WAITLISTED'; v_reason := '線上報名（先到先得，備取）'; END IF;
        END IF;
      ELSE
        UPDATE "Course" SET "activeCount" = "activeCount" + 1
        WHERE id = p_course AND "activeCount" < capacity + "waitlistLimit";
        IF FOUND THEN v_status := 'PENDING'; v_reason := '線上報名'; END IF;
      END IF;
      IF v_status IS NULL THEN
        RAISE EXCEPTION 'COURSE_FULL'; -- undoes the claim (this block is a subtransaction)
      END IF;

      -- 3. The registration and its audit entry. 報名時間 is taken while the course row is
      --    locked, so registration times are in the order places were given.
      UPDATE "Registration" r SET
        status = v_status, answers = p_answers,
        "nationalIdCipher" = p_cipher, "nationalIdKeyId" = p_key_id, "nationalIdHash" = p_hash,
        "registeredAt" = (clock_timestamp() AT TIME ZONE 'UTC'), "statusChangedAt" = (clock_timestamp() AT TIME ZONE 'UTC'), "updatedAt" = (clock_timestamp() AT TIME ZONE 'UTC'),
        "decisionNote" = NULL, attended = NULL
      WHERE r.id = v_id;
      INSERT INTO "RegistrationEvent" ("registrationId", "actorId", "fromStatus", "toStatus", reason, "createdAt")
      SELECT v_id, p_user, v_from, v_status, v_reason, r."registeredAt" FROM "Registration" r WHERE r.id = v_id;
      v_created := true;
    END IF;
  EXCEPTION WHEN raise_exception THEN
    IF SQLERRM <> 'COURSE_FULL' THEN RAISE; END IF;
    RETURN QUERY SELECT NULL::"RegistrationStatus", NULL::timestamp(3), NULL::timestamp(3), NULL::text, false;
    RETURN;
  END;

  RETURN QUERY SELECT r.status, r."registeredAt", r."statusChangedAt", r."decisionNote", v_created FROM "Registration" r WHERE r.id = v_id;
END
$fn$;
