-- Concerns (bekymringer) and sparring with the district social worker
-- (issue 5 part 1; domain.md §5.2 and §6.3; users.md "socialfaglig medarbejder").
--
-- A concern is recorded by a professional about a child (or an expected child)
-- on the municipality's concern scale (the wellbeing scale, rule T3). It
-- belongs to the author's unit that holds the child: a daycare or school unit
-- the child is enrolled in (pedagogical data) or the health-visiting unit with
-- the child on its caseload (health data).
--
-- From a concern the professional asks the district social worker for
-- sparring: anonymously (no child id, no concern id: only an age band, the
-- level and the question) or about the named child with the parents' consent.
-- The request goes to the district of the requester's unit; social workers
-- cover districts (social_worker_districts).

-- Which districts a social worker covers (sparring queue, wellbeing conversations).
create table social_worker_districts (
  id uuid primary key,
  staff_id uuid not null references staff(id),
  district_id uuid not null references districts(id),
  created_at timestamptz not null default now(),
  unique (staff_id, district_id)
);
create index social_worker_districts_district on social_worker_districts (district_id);

-- A concern about a child: level on the scale, the observed behaviour in plain words,
-- since when, and whether and how the parents have been told.
create table concerns (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  child_id uuid not null references persons(id),
  unit_id uuid not null references units(id),
  category text not null check (category in ('pedagogical', 'health')),
  author_id uuid not null references staff(id),
  scale_id uuid not null references wellbeing_scales(id),
  level text not null,
  observed text not null,
  observed_since date not null,
  parents_informed boolean not null,
  parents_informed_how text,
  parents_informed_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (parents_informed or (parents_informed_how is null and parents_informed_on is null))
);
create index concerns_child on concerns (child_id, created_at desc);
create index concerns_unit on concerns (unit_id);

-- A request for sparring. Anonymous requests carry no child and no concern.
create table sparring_requests (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  requester_id uuid not null references staff(id),
  unit_id uuid not null references units(id),
  district_id uuid not null references districts(id),
  mode text not null check (mode in ('anonymous', 'named')),
  concern_id uuid references concerns(id),
  child_id uuid references persons(id),
  age_band text,
  scale_id uuid not null references wellbeing_scales(id),
  level text not null,
  question text not null,
  consent_given_by text,
  consent_given_on date,
  consent_how text,
  status text not null default 'waiting' check (status in ('waiting', 'taken', 'closed')),
  requested_at timestamptz not null default now(),
  requested_on date not null,
  taken_by uuid references staff(id),
  taken_at timestamptz,
  taken_on date,
  closed_by uuid references staff(id),
  closed_at timestamptz,
  closing_note text,
  requester_seen_at timestamptz,
  version integer not null default 1,
  check (
    (mode = 'anonymous' and child_id is null and concern_id is null and consent_given_by is null)
    or (mode = 'named' and child_id is not null and concern_id is not null
        and consent_given_by is not null and consent_given_on is not null and consent_how is not null)
  ),
  check (status = 'waiting' or taken_by is not null or closed_by is not null)
);
create index sparring_requests_queue on sparring_requests (district_id, status, requested_at);
create index sparring_requests_requester on sparring_requests (requester_id, requested_at desc);
create index sparring_requests_taken on sparring_requests (taken_by, status);
create index sparring_requests_child on sparring_requests (child_id);

-- A sparring session recorded by the social worker who took the request.
create table sparring_sessions (
  id uuid primary key,
  request_id uuid not null references sparring_requests(id),
  held_on date not null,
  advice text not null,
  next_step text,
  recorded_by uuid not null references staff(id),
  created_at timestamptz not null default now()
);
create index sparring_sessions_request on sparring_sessions (request_id, held_on);

-- A wellbeing conversation (trivselssamtale) of a social worker with a pupil, with the parents' agreement.
create table wellbeing_conversations (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  child_id uuid not null references persons(id),
  unit_id uuid not null references units(id),
  held_on date not null,
  parents_agreed boolean not null check (parents_agreed),
  agreement_how text not null,
  agreement_on date not null,
  notes text not null,
  next_step text,
  recorded_by uuid not null references staff(id),
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create index wellbeing_conversations_child on wellbeing_conversations (child_id, held_on desc);
create index wellbeing_conversations_unit on wellbeing_conversations (unit_id, held_on desc);
