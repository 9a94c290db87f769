-- Data only (no schema change): 專案屬性標籤 become one managed list (lib/courses/tag-vocabulary.json).
-- Every course's tags are rewritten to the tags' names, so that 性平教育 and 性別平等教育 are one tag:
-- each tag once, in the order the course had them. A tag is looked up as lib/courses/tags.ts does
-- (tagKey: NFKC, lower case, 台 → 臺 and the other variant characters of lib/search/normalise.ts,
-- no spaces). Tags not on the list are kept as written: the course form shows them and asks the
-- organizer to pick from the list instead. The mapping below is the list as it is today (a
-- migration is a snapshot; a later rename or merge needs a migration of its own).
-- A changed course gets a new updatedAt, so the next start-up sees the search index is behind
-- and rebuilds it (lib/search/sync.ts, prepareSearchIndex), whichever engine holds it.

-- Hand-written: rules Prisma cannot express

CREATE TEMPORARY TABLE "_tag_spelling" ("key" TEXT PRIMARY KEY, "name" TEXT NOT NULL) ON COMMIT DROP;

INSERT INTO "_tag_spelling" ("key", "name") VALUES
  ('性別平等教育', '性別平等教育'),
  ('性平教育', '性別平等教育'),
  ('性平', '性別平等教育'),
  ('性別教育', '性別平等教育'),
  ('兩性教育', '性別平等教育'),
  ('兩性平等教育', '性別平等教育'),
  ('環境教育', '環境教育'),
  ('環教', '環境教育'),
  ('資訊教育', '資訊教育'),
  ('資訊科技教育', '資訊教育'),
  ('閱讀教育', '閱讀教育'),
  ('特殊教育', '特殊教育'),
  ('特教', '特殊教育'),
  ('生命教育', '生命教育'),
  ('人權教育', '人權教育'),
  ('國際教育', '國際教育'),
  ('防災教育', '防災教育'),
  ('災害防救教育', '防災教育'),
  ('品德教育', '品德教育'),
  ('家庭教育', '家庭教育'),
  ('戶外教育', '戶外教育'),
  ('原住民族教育', '原住民族教育'),
  ('原民教育', '原住民族教育'),
  ('原住民教育', '原住民族教育'),
  ('新住民教育', '新住民教育'),
  ('新移民教育', '新住民教育'),
  ('科技教育', '科技教育'),
  ('本土語言', '本土語言'),
  ('本土語文', '本土語言'),
  ('本土語言教育', '本土語言'),
  ('雙語教育', '雙語教育'),
  ('雙語教學', '雙語教育'),
  ('海洋教育', '海洋教育'),
  ('安全教育', '安全教育'),
  ('生涯規劃教育', '生涯規劃教育'),
  ('生涯教育', '生涯規劃教育'),
  ('生涯發展教育', '生涯規劃教育'),
  ('法治教育', '法治教育'),
  ('多元文化教育', '多元文化教育'),
  ('多元文化', '多元文化教育'),
  ('能源教育', '能源教育'),
  ('美感教育', '美感教育'),
  ('數位學習', '數位學習'),
  ('食農教育', '食農教育'),
  ('健康促進', '健康促進'),
  ('健康促進學校', '健康促進');

CREATE FUNCTION pg_temp.tag_key(tag TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(
    translate(lower(normalize(tag, NFKC)), '台敎裏峯衞綫麪爲眞黄温着啓册户强羣鷄箇', '臺教裡峰衛線麵為真黃溫著啟冊戶強群雞個'),
    '\s+', '', 'g')
$$;

CREATE FUNCTION pg_temp.canonical_tags(tags TEXT[]) RETURNS TEXT[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(x.tag ORDER BY x.first), '{}')
  FROM (
    SELECT coalesce(s."name", btrim(t.tag)) AS tag, min(t.ord) AS first
    FROM unnest(tags) WITH ORDINALITY AS t(tag, ord)
    LEFT JOIN "_tag_spelling" s ON s."key" = pg_temp.tag_key(t.tag)
    WHERE pg_temp.tag_key(t.tag) <> ''
    GROUP BY 1
  ) x
$$;

UPDATE "Course"
SET "tags" = pg_temp.canonical_tags("tags"), "updatedAt" = now()
WHERE "tags" IS DISTINCT FROM pg_temp.canonical_tags("tags");

DROP FUNCTION pg_temp.canonical_tags(TEXT[]);
DROP FUNCTION pg_temp.tag_key(TEXT);
