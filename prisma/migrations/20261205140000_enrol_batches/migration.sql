-- Hand-written: rules Prisma cannot express

-- 我要報名 for many teachers in one call and one transaction. In a rush the app gathers the
-- enrolments that arrive together (lib/registrations/take-places.ts) and sends them here as
-- arrays (element i of every array is enrolment i). Same rules as enrol_take_place, and the
-- same answer per enrolment, with ord = i:
--   status NULL: no place left (nothing changed for that enrolment);
--   created false: the teacher already held an active registration, returned unchanged.
-- One commit for the whole batch: the course row is locked once per batch instead of once
-- per teacher, and the WAL is flushed once.
--
-- Locks are taken in the house order (registrations, then the course), like cancel and
-- review, and registrations in (course, teacher) order, so two batches cannot deadlock:
--   1. claim or lock every (course, teacher) pair, sorted;
--   2. give places in the order the enrolments arrived (the caller sorts by course first).
-- A teacher twice in one batch (a double click) gets the one registration both times.
CREATE OR REPLACE FUNCTION enrol_take_places(
  p_course integer[], p_user integer[], p_answers jsonb[], p_cipher text[], p_key_id text[], p_hash text[]
) RETURNS TABLE (ord integer, status "RegistrationStatus", "registeredAt" timestamp(3), "statusChangedAt" timestamp(3), "decisionNote" text, created boolean)
LANGUAGE plpgsql AS $fn$
DECLARE
  n integer := coalesce(array_length(p_user, 1), 0);
  v_pair record;
  v_id integer;
  v_prior "RegistrationStatus";
  -- Per enrolment: its registration, the status it had before this call (NULL: none, a new
  -- claim), the first enrolment of the same pair in this batch, and whether it took a place.
  v_ids integer[] := array_fill(NULL::integer, ARRAY[n]);
  v_from "RegistrationStatus"[] := array_fill(NULL::"RegistrationStatus", ARRAY[n]);
  v_first integer[] := array_fill(NULL::integer, ARRAY[n]);
  v_taken boolean[] := array_fill(false, ARRAY[n]);
  v_refused integer[] := '{}';
  v_status "RegistrationStatus";
  v_reason text;
  v_mode "AdmissionMode";
  v_now timestamp(3);
  i integer;
  j integer;
BEGIN
  IF n = 0 THEN RETURN; END IF;

  -- 1. Claims, in (course, teacher) order. A new claim is a placeholder row (PENDING, not
  --    counted anywhere) that step 2 fills in or removes.
  FOR v_pair IN
    SELECT t.c, t.u, array_agg(t.k ORDER BY t.k)::integer[] AS ks
    FROM unnest(p_course, p_user) WITH ORDINALITY AS t(c, u, k)
    GROUP BY t.c, t.u ORDER BY t.c, t.u
  LOOP
    v_now := clock_timestamp() AT TIME ZONE 'UTC';
    v_prior := NULL;
    INSERT INTO "Registration" ("courseId", "userId", status, answers, "registeredAt", "statusChangedAt", "createdAt", "updatedAt")
    VALUES (v_pair.c, v_pair.u, 'PENDING', '{}'::jsonb, v_now, v_now, v_now, v_now)
    ON CONFLICT ("courseId", "userId") DO NOTHING
    RETURNING id INTO v_id;
    IF v_id IS NULL THEN
      SELECT r.id, r.status INTO v_id, v_prior FROM "Registration" r
      WHERE r."courseId" = v_pair.c AND r."userId" = v_pair.u FOR UPDATE;
    END IF;
    FOREACH j IN ARRAY v_pair.ks LOOP
      v_ids[j] := v_id; v_from[j] := v_prior; v_first[j] := v_pair.ks[1];
    END LOOP;
  END LOOP;

  -- 2. Places, in arrival order; only the first enrolment of a pair can take one.
  FOR i IN 1..n LOOP
    CONTINUE WHEN v_first[i] <> i OR NOT (v_from[i] IS NULL OR v_from[i] = 'CANCELLED');
    v_status := NULL;
    SELECT c."admissionMode" INTO v_mode FROM "Course" c WHERE c.id = p_course[i];
    IF v_mode = 'AUTOMATIC' THEN
      UPDATE "Course" SET "approvedCount" = "approvedCount" + 1, "activeCount" = "activeCount" + 1
      WHERE id = p_course[i] AND "approvedCount" < capacity;
      IF FOUND THEN
        v_status := 'APPROVED'; v_reason := '線上報名（先到先得，正取）';
      ELSE
        UPDATE "Course" SET "waitlistedCount" = "waitlistedCount" + 1, "activeCount" = "activeCount" + 1
        WHERE id = p_course[i] AND "waitlistedCount" < "waitlistLimit";
        IF FOUND THEN v_status := 'WAITLISTED'; v_reason := '線上報名（先到先得，備取）'; END IF;
      END IF;
    ELSE
      UPDATE "Course" SET "activeCount" = "activeCount" + 1
      WHERE id = p_course[i] AND "activeCount" < capacity + "waitlistLimit";
      IF FOUND THEN v_status := 'PENDING'; v_reason := '線上報名'; END IF;
    END IF;

    IF v_status IS NULL THEN
      IF v_from[i] IS NULL THEN v_refused := v_refused || v_ids[i]; END IF;
      CONTINUE;
    END IF;
    -- 報名時間 is taken while the course row is locked: registration times follow the order
    -- places were given.
    v_now := clock_timestamp() AT TIME ZONE 'UTC';
    UPDATE "Registration" r SET
      status = v_status, answers = p_answers[i],
      "nationalIdCipher" = p_cipher[i], "nationalIdKeyId" = p_key_id[i], "nationalIdHash" = p_hash[i],
      "registeredAt" = v_now, "statusChangedAt" = v_now, "updatedAt" = v_now,
      "decisionNote" = NULL, attended = NULL
    WHERE r.id = v_ids[i];
    INSERT INTO "RegistrationEvent" ("registrationId", "actorId", "fromStatus", "toStatus", reason, "createdAt")
    VALUES (v_ids[i], p_user[i], v_from[i], v_status, v_reason, v_now);
    v_taken[i] := true;
  END LOOP;

  -- 3. New claims that got no place leave nothing behind.
  IF cardinality(v_refused) > 0 THEN
    DELETE FROM "Registration" r WHERE r.id = ANY (v_refused);
  END IF;

  FOR i IN 1..n LOOP
    IF NOT v_taken[v_first[i]] AND (v_from[i] IS NULL OR v_from[i] = 'CANCELLED') THEN
      RETURN QUERY SELECT i, NULL::"RegistrationStatus", NULL::timestamp(3), NULL::timestamp(3), NULL::text, false;
    ELSE
      RETURN QUERY SELECT i, r.status, r."registeredAt", r."statusChangedAt", r."decisionNote", v_taken[i] FROM "Registration" r WHERE r.id = v_ids[i];
    END IF;
  END LOOP;
END
$fn$;

-- One copy of the rules: enrol_take_places replaces the one-enrolment function.
DROP FUNCTION enrol_take_place(integer, integer, jsonb, text, text, text);
