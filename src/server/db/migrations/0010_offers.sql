-- Offers and group courses (issue 7, "tilbud" and "forløb"; domain.md §3.5, §4).
-- The municipality's catalogue of offers, course runs with facilitators and
-- sessions, the families taking part (referral, waiting list, offered place,
-- enrolment, completion) and attendance per session and parent.
--
-- Capacity and the waiting list are kept by the repository under a row lock
-- on the course (select … for update), which serialises concurrent
-- enrolments; the pure rules live in src/domain/courses.ts.

-- An offer (tilbud) in the municipality's catalogue. Other modules refer to it
-- (open counselling and staff workshops in modules/counselling).
create table offers (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  key text,                               -- stable key of a default offer (demo seeding), null for offers made by users
  name text not null,
  description text not null default '',
  age_from_months integer check (age_from_months is null or age_from_months >= 0),
  age_to_months integer check (age_to_months is null or age_to_months >= 0),
  audience text not null check (audience in ('universal', 'vulnerable', 'staff')),
  format text not null check (format in ('group_course', 'individual_course', 'drop_in', 'workshop', 'talk', 'forum')),
  method text not null,                   -- 'cosp' | 'family_group' | 'open_counselling' | 'staff_workshop' | 'daycare_talk' | 'competence_forum' | …
  required_certification text,            -- a certifications.kind, e.g. 'cosp_facilitator'; null = none needed
  unit_ids uuid[] not null default '{}',  -- the units that run the offer
  min_sessions_to_complete integer check (min_sessions_to_complete is null or min_sessions_to_complete >= 1),
  default_capacity integer check (default_capacity is null or default_capacity >= 1),
  default_session_count integer check (default_session_count is null or default_session_count >= 1),
  default_session_minutes integer check (default_session_minutes is null or default_session_minutes >= 1),
  active boolean not null default true,
  version integer not null default 1,
  created_by uuid references staff(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (age_from_months is null or age_to_months is null or age_to_months >= age_from_months)
);
create unique index offers_key on offers (municipality_id, key) where key is not null;
create index offers_municipality on offers (municipality_id, name);

-- A course run (forløb) of an offer by one of its units.
create table courses (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  offer_id uuid not null references offers(id),
  unit_id uuid not null references units(id),
  name text not null,
  place text not null,
  capacity integer not null check (capacity >= 1),
  start_date date not null,
  weekday integer not null check (weekday between 1 and 7),   -- ISO weekday, 1 = Monday
  start_time text not null check (start_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  duration_minutes integer not null check (duration_minutes between 1 and 600),
  session_count integer not null check (session_count between 1 and 52),
  finished_at timestamptz,
  cancelled_at timestamptz,
  version integer not null default 1,
  created_by uuid not null references staff(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index courses_offer on courses (offer_id, start_date desc);
create index courses_unit on courses (unit_id, start_date desc);

-- The facilitators of a course (only staff certified for the offer's method).
create table course_facilitators (
  course_id uuid not null references courses(id),
  staff_id uuid not null references staff(id),
  created_at timestamptz not null default now(),
  primary key (course_id, staff_id)
);
create index course_facilitators_staff on course_facilitators (staff_id);

-- The sessions (møder) of a course; COS-P: 8 chapters, weekly, about 90 minutes.
create table course_sessions (
  id uuid primary key,
  course_id uuid not null references courses(id),
  number integer not null check (number >= 1),
  date date not null,
  start_time text not null check (start_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  duration_minutes integer not null check (duration_minutes between 1 and 600),
  topic text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index course_sessions_course on course_sessions (course_id, number);
create index course_sessions_date on course_sessions (date);

-- A family's participation in a course: the family's reference child and the
-- participating parents. State machine: referred → waiting | offered →
-- enrolled → completed | not_completed | dropped_out; offered → declined.
-- The waiting list is ordered by referred_at.
create table course_participants (
  id uuid primary key,
  course_id uuid not null references courses(id),
  child_id uuid not null references persons(id),
  adult_ids uuid[] not null default '{}',
  source text not null check (source in ('referral', 'self')),
  referred_by uuid not null references staff(id),   -- the professional who referred, or who recorded the self sign-up
  reason text,
  referred_at timestamptz not null default now(),
  state text not null check (state in ('waiting', 'offered', 'enrolled', 'completed', 'not_completed', 'dropped_out', 'declined')),
  offered_at timestamptz,
  offer_expires_on date,
  enrolled_at timestamptz,
  finished_at timestamptz,
  end_reason text,                        -- why the family dropped out or declined
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (state <> 'dropped_out' or end_reason is not null)
);
create index course_participants_course on course_participants (course_id, state, referred_at);
create index course_participants_child on course_participants (child_id);

-- Attendance per session and participating parent.
create table course_attendance (
  id uuid primary key,
  session_id uuid not null references course_sessions(id),
  participant_id uuid not null references course_participants(id),
  adult_id uuid not null references persons(id),
  status text not null check (status in ('present', 'absent', 'excused')),
  recorded_by uuid not null references staff(id),
  recorded_at timestamptz not null default now(),
  version integer not null default 1,
  unique (session_id, participant_id, adult_id)
);
create index course_attendance_participant on course_attendance (participant_id);
