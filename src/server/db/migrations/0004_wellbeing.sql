-- Wellbeing ratings in daycare (issue 4, "trivselsvurdering", TOPI-style):
-- the municipality's concern scale, rating rounds per unit, individual
-- ratings by staff and the joint rating (domain.md §5.2, rules T1–T3).
--
-- Rows that name a child carry no unique index on child_id: a merge of two
-- records of the same child (children/merge.ts) moves child_id, and both
-- records may sit in the same round. One-rating-per-rater and the joint
-- rating's revision numbers are kept by the repository under a row lock on
-- the round (select … for update), which also serialises concurrent writes.

-- A concern scale as used by a municipality: a snapshot of the levels with
-- their labels and meanings, never changed once written. Ratings point here,
-- so switching scales never rewrites old ratings (rule T3).
create table wellbeing_scales (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  key text not null check (key in ('topi-3', 'barometer-5')),
  definition_version text not null,
  levels jsonb not null,              -- [{ key, rank, colour, labelDa, labelEn, meaningDa, meaningEn }], rank 1 = no concern
  created_by uuid references staff(id),
  created_at timestamptz not null default now(),
  unique (municipality_id, key, definition_version)
);

-- The scale a municipality uses for new rounds; without a row the 3-level TOPI-style scale applies.
create table wellbeing_settings (
  municipality_id uuid primary key references municipalities(id),
  scale_id uuid not null references wellbeing_scales(id),
  version integer not null default 1,
  updated_by uuid references staff(id),
  updated_at timestamptz not null default now()
);

-- A rating round of a daycare or school unit (by default spring and autumn).
-- The round keeps the scale in force when it was created (rule T3).
create table wellbeing_rounds (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  unit_id uuid not null references units(id),
  year integer not null check (year between 2000 and 2100),
  season text not null check (season in ('spring', 'autumn')),
  name text not null,
  period_start date not null,
  period_end date not null,
  scale_id uuid not null references wellbeing_scales(id),
  created_by uuid not null references staff(id),
  created_at timestamptz not null default now(),
  version integer not null default 1,
  check (period_end >= period_start),
  unique (unit_id, year, season)       -- twice a year per unit (rule T2)
);
create index wellbeing_rounds_unit on wellbeing_rounds (unit_id, period_start desc);

-- The children enrolled in the unit when the round was created.
create table wellbeing_round_children (
  id uuid primary key,
  round_id uuid not null references wellbeing_rounds(id),
  child_id uuid not null references persons(id),
  created_at timestamptz not null default now()
);
create index wellbeing_round_children_round on wellbeing_round_children (round_id);
create index wellbeing_round_children_child on wellbeing_round_children (child_id);

-- One staff member's own rating of one child in one round; re-rating replaces it (version + 1).
create table wellbeing_ratings (
  id uuid primary key,
  round_id uuid not null references wellbeing_rounds(id),
  child_id uuid not null references persons(id),
  rater_id uuid not null references staff(id),
  scale_id uuid not null references wellbeing_scales(id),
  level text not null,
  comment text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index wellbeing_ratings_round_child on wellbeing_ratings (round_id, child_id);
create index wellbeing_ratings_child on wellbeing_ratings (child_id);

-- The joint rating after the structured discussion (rule T1: at least two
-- individual ratings by different staff first). A correction is a new row
-- with the next revision; earlier revisions are kept.
create table wellbeing_joint_ratings (
  id uuid primary key,
  round_id uuid not null references wellbeing_rounds(id),
  child_id uuid not null references persons(id),
  revision integer not null check (revision >= 1),
  scale_id uuid not null references wellbeing_scales(id),
  level text not null,
  comment text not null,
  participant_ids uuid[] not null default '{}',
  individual_ratings integer not null,  -- distinct staff who had rated individually when it was saved
  recorded_by uuid not null references staff(id),
  recorded_at timestamptz not null default now()
);
create index wellbeing_joint_round_child on wellbeing_joint_ratings (round_id, child_id, revision);
create index wellbeing_joint_child on wellbeing_joint_ratings (child_id);
