-- Children, families and the health-visitor programme (issue 3).

create table persons (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  cpr text check (cpr is null or cpr ~ '^[0-9]{10}$'),   -- stored without hyphen, shown masked
  first_name text,
  last_name text,
  birth_date date,
  legal_sex text check (legal_sex in ('female', 'male')),
  address text,
  postal_code text,
  city text,
  phone text,
  email text,
  preferred_language text not null default 'da',
  interpreter_needed boolean not null default false,
  merged_into uuid references persons(id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index persons_cpr on persons (municipality_id, cpr) where cpr is not null and merged_into is null;
create index persons_name on persons (municipality_id, lower(last_name), lower(first_name));
create index persons_birth_date on persons (municipality_id, birth_date);

-- A child, or an expected child (a pregnancy) that becomes the child's record at birth.
create table children (
  person_id uuid primary key references persons(id),
  status text not null check (status in ('expected', 'born')),
  expected_date date,
  discharged_within_72h boolean not null default false,
  born_registered_at timestamptz,
  check (status = 'born' or expected_date is not null)
);

-- Adults around a child: parents, expectant parents, guardians, others.
create table relations (
  id uuid primary key,
  child_id uuid not null references persons(id),
  adult_id uuid not null references persons(id),
  relation text not null check (relation in ('mother', 'father', 'co_parent', 'guardian', 'foster_parent', 'other')),
  custody boolean not null default false,
  lives_with_child boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  unique (child_id, adult_id)
);
create index relations_adult on relations (adult_id);

-- Daycare and school: which units the child attends (or will attend).
create table enrolments (
  id uuid primary key,
  child_id uuid not null references persons(id),
  unit_id uuid not null references units(id),
  starts_on date not null,
  ends_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  check (ends_on is null or ends_on >= starts_on)
);
create index enrolments_child on enrolments (child_id);
create index enrolments_unit on enrolments (unit_id);

-- The responsible health-visiting unit and health visitor; history kept (reassignment closes the old row).
create table caseload_assignments (
  id uuid primary key,
  child_id uuid not null references persons(id),
  unit_id uuid not null references units(id),
  staff_id uuid references staff(id),
  starts_on date not null,
  ends_on date,
  reason text,
  created_by uuid,
  created_at timestamptz not null default now()
);
create unique index caseload_current on caseload_assignments (child_id) where ends_on is null;
create index caseload_unit on caseload_assignments (unit_id) where ends_on is null;
create index caseload_staff on caseload_assignments (staff_id) where ends_on is null;

-- Extended track (udvidet indsats): joining and leaving are both recorded.
create table extended_track_periods (
  id uuid primary key,
  child_id uuid not null references persons(id),
  starts_on date not null,
  reason text not null,
  started_by uuid,
  ends_on date,
  end_reason text,
  ended_by uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  check (ends_on is null or ends_on >= starts_on)
);
create unique index extended_track_open on extended_track_periods (child_id) where ends_on is null;

-- A municipality's own visit programme; without rows, the national default applies.
create table visit_templates (
  municipality_id uuid not null references municipalities(id),
  key text not null,
  label_da text not null,
  label_en text not null,
  track text not null check (track in ('universal', 'pregnancy', 'early_discharge', 'extended')),
  anchor text not null check (anchor in ('birth', 'expected')),
  earliest jsonb not null,
  latest jsonb not null,
  position integer not null,
  primary key (municipality_id, key)
);

create table visits (
  id uuid primary key,
  child_id uuid not null references persons(id),
  template_key text,
  kind text not null check (kind in ('home', 'clinic', 'daycare', 'cross_professional_home', 'phone_video')),
  status text not null check (status in ('planned', 'done', 'cancelled', 'no_show')),
  planned_at timestamptz not null,
  staff_id uuid references staff(id),
  participant_ids uuid[] not null default '{}',
  location text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index visits_child on visits (child_id);
create index visits_staff_day on visits (staff_id, planned_at);

-- Journal notes: signed by their author; a correction is a new row that supersedes the old one.
create table journal_notes (
  id uuid primary key,
  child_id uuid not null references persons(id),
  visit_id uuid references visits(id),
  author_id uuid not null references staff(id),
  body text not null,
  signed_at timestamptz not null,
  supersedes_id uuid references journal_notes(id),
  created_at timestamptz not null default now()
);
create index journal_notes_child on journal_notes (child_id);
create unique index journal_notes_one_correction on journal_notes (supersedes_id) where supersedes_id is not null;

create table measurements (
  id uuid primary key,
  child_id uuid not null references persons(id),
  visit_id uuid references visits(id),
  measured_on date not null,
  weight_grams integer check (weight_grams between 300 and 40000),
  length_cm numeric(4, 1) check (length_cm between 25 and 150),
  head_cm numeric(4, 1) check (head_cm between 20 and 65),
  recorded_by uuid not null references staff(id),
  created_at timestamptz not null default now(),
  check (weight_grams is not null or length_cm is not null or head_cm is not null)
);
create index measurements_child on measurements (child_id, measured_on);
