-- Screening (issue 4): ADBB, m-ADBB and EPDS responses, the municipality's
-- cut-offs and licensed item texts, follow-up tasks and flags.
-- Item wording is never seeded: instrument_texts only holds what a
-- municipality's administrator loads from its own licensed file.

-- Local cut-offs (total >= cut_off is positive). Without a row the domain's
-- defaults apply (ADBB 5, m-ADBB 2, EPDS mother 11 / father and co-parent 10).
create table instrument_settings (
  municipality_id uuid not null references municipalities(id),
  instrument_id text not null check (instrument_id in ('adbb', 'm-adbb', 'epds')),
  cut_off integer not null check (cut_off >= 0),
  -- EPDS only: { "mother": 11, "father": 10, "co_parent": 10 }; a missing role uses cut_off.
  cut_off_by_role jsonb not null default '{}',
  version integer not null default 1,
  updated_by uuid references staff(id),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, instrument_id)
);

-- Licensed item texts (and optionally response option labels, in printed
-- order), one set per municipality, instrument and language.
create table instrument_texts (
  municipality_id uuid not null references municipalities(id),
  instrument_id text not null check (instrument_id in ('adbb', 'm-adbb', 'epds')),
  language text not null,
  definition_version text not null,   -- the instrument definition the texts belong to
  text_version text not null,         -- the edition of the licensed text, as given by the administrator
  items jsonb not null,               -- [{ "number": 1, "text": "…", "options": ["…"] | null }]
  revision integer not null default 1,
  loaded_by uuid references staff(id),
  loaded_at timestamptz not null default now(),
  primary key (municipality_id, instrument_id, language)
);

-- One filled-in instrument. Responses are never changed once recorded.
create table screenings (
  id uuid primary key,
  child_id uuid not null references persons(id),
  instrument_id text not null check (instrument_id in ('adbb', 'm-adbb', 'epds')),
  definition_version text not null,
  observed_on date not null,
  answers jsonb not null,             -- scored values in item order; null = not answered
  complete boolean not null,
  total integer,
  positive boolean,
  urgent boolean not null default false,
  threshold integer not null,         -- the cut-off used when scoring
  child_age_months integer,           -- completed months on observed_on (null in pregnancy)
  visit_id uuid references visits(id),
  recorded_by uuid not null references staff(id),
  -- EPDS (rule E7): who answered, when, in which language.
  respondent_role text check (respondent_role in ('mother', 'father', 'co_parent')),
  respondent_id uuid references persons(id),
  timepoint text check (timepoint in ('pregnancy', 'postnatal')),
  pregnancy_week integer check (pregnancy_week between 1 and 45),
  language text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  check (complete or (total is null and positive is null)),
  check (instrument_id <> 'epds' or (respondent_role is not null and respondent_id is not null and timepoint is not null and language is not null)),
  check (timepoint is distinct from 'pregnancy' or pregnancy_week is not null)
);
create index screenings_child on screenings (child_id, instrument_id, observed_on);
create index screenings_respondent on screenings (respondent_id) where respondent_id is not null;

-- Follow-up work created by screenings (and, later, by other modules).
create table follow_up_tasks (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  child_id uuid not null references persons(id),
  person_id uuid references persons(id),          -- the parent concerned (EPDS), if any
  kind text not null check (kind in ('adbb_repeat', 'decision', 'epds_rescreen', 'epds_urgent')),
  assignee_id uuid not null references staff(id),
  due_on date not null,
  urgent boolean not null default false,
  suggestions jsonb not null default '[]',        -- suggested next steps (decision tasks)
  source_screening_id uuid references screenings(id),
  status text not null default 'open' check (status in ('open', 'done')),
  completed_at timestamptz,
  completed_by uuid references staff(id),
  note text,
  decision jsonb,                                  -- the chosen next steps
  version integer not null default 1,
  created_at timestamptz not null default now(),
  check (status = 'open' or (completed_at is not null and note is not null))
);
create index follow_up_tasks_assignee on follow_up_tasks (assignee_id, due_on) where status = 'open';
create index follow_up_tasks_child on follow_up_tasks (child_id);

-- Flags on a child or on a parent in relation to a child; resolving one needs a note.
create table flags (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  child_id uuid not null references persons(id),
  person_id uuid references persons(id),          -- the parent the flag is about, if not the child
  kind text not null check (kind in ('epds_self_harm')),
  severity text not null check (severity in ('urgent', 'high', 'moderate')),
  source_screening_id uuid references screenings(id),
  raised_by uuid references staff(id),
  raised_at timestamptz not null default now(),
  status text not null default 'open' check (status in ('open', 'resolved')),
  resolved_at timestamptz,
  resolved_by uuid references staff(id),
  resolution_note text,
  version integer not null default 1,
  check (status = 'open' or (resolved_at is not null and resolution_note is not null))
);
create index flags_child on flags (child_id);
create index flags_open on flags (municipality_id) where status = 'open';
