-- Cross-professional meetings about a child (issue 5, part 2; domain.md §5.1,
-- §6.3, rules C4, G1–G3): the meeting with its legal basis for sharing, the
-- participants (staff, parents, network) with attendance and their 0–10 scale
-- rating, the Signs of Safety map (one versioned document per meeting), the
-- next steps (action items) and the minutes with approved, locked revisions.
--
-- The SSD count per child (at most one meeting plus one follow-up without
-- consent) is kept by the repository under a row lock on the child's person
-- row, so that two meetings created at once cannot both be the "first".

create table meetings (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  child_id uuid not null references persons(id),
  -- 'cross_professional' (tværfagligt møde, run by a social worker) or
  -- 'daycare_parents' (an extra meeting with the parents in daycare).
  kind text not null check (kind in ('cross_professional', 'daycare_parents')),
  held_on date not null,
  start_time text check (start_time is null or start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  place text not null,
  facilitator_id uuid not null references staff(id),
  facilitator_unit_id uuid not null references units(id),
  legal_basis text not null check (legal_basis in ('consent', 'ssd')),
  -- Consent (legal_basis = 'consent'): who gave it (a custody holder), when and how.
  consent_given_by uuid references persons(id),
  consent_given_on date,
  consent_form text check (consent_form in ('written', 'oral')),
  -- SSD: a second meeting without consent only as a special case with a reason.
  ssd_ordinal integer check (ssd_ordinal in (1, 2)),
  ssd_special_reason text,
  follows_meeting_id uuid references meetings(id),
  -- The sparring request the meeting came from (concerns module); no foreign key, that table may not exist.
  sparring_request_id uuid,
  -- 'safety' (Signs of Safety: danger statements, safety goals) or 'wellbeing' (worry statements, wellbeing goals).
  wording text not null default 'safety' check (wording in ('safety', 'wellbeing')),
  scale_anchor_low text not null,
  scale_anchor_high text not null,
  parent_summary text,
  created_by uuid not null references staff(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (legal_basis <> 'consent' or (consent_given_by is not null and consent_given_on is not null and consent_form is not null)),
  check (legal_basis <> 'ssd' or ssd_ordinal is not null)
);
create index meetings_child on meetings (child_id, held_on);
create index meetings_facilitator_unit on meetings (facilitator_unit_id);
create index meetings_follows on meetings (follows_meeting_id);

-- Who takes part: staff (for a unit), parents/custody holders (from the
-- child's relations) and network persons (name and relation as free text).
-- Attendance is recorded after the meeting; the rating is the participant's
-- own 0–10 answer to the scaling question in this meeting.
create table meeting_participants (
  id uuid primary key,
  meeting_id uuid not null references meetings(id),
  kind text not null check (kind in ('staff', 'parent', 'network')),
  staff_id uuid references staff(id),
  unit_id uuid references units(id),
  adult_id uuid references persons(id),
  name text not null,
  relation text,
  attended boolean,
  rating integer check (rating between 0 and 10),
  rating_recorded_by uuid references staff(id),
  rating_recorded_at timestamptz,
  added_by uuid not null references staff(id),
  added_at timestamptz not null default now(),
  version integer not null default 1,
  check (kind <> 'staff' or (staff_id is not null and unit_id is not null)),
  check (kind <> 'parent' or adult_id is not null)
);
create index meeting_participants_meeting on meeting_participants (meeting_id);
create index meeting_participants_staff on meeting_participants (staff_id) where staff_id is not null;
create unique index meeting_participants_one_staff on meeting_participants (meeting_id, staff_id) where staff_id is not null;
create unique index meeting_participants_one_adult on meeting_participants (meeting_id, adult_id) where adult_id is not null;

-- The Signs of Safety map, co-authored in the meeting: one document per
-- meeting, versioned (two people editing live get 409 instead of overwriting).
-- content: { harm[], dangers[{ statement, goal }], complicating[], strengths[],
--            existingSafety[], childPerspective }
create table meeting_maps (
  meeting_id uuid primary key references meetings(id),
  content jsonb not null,
  updated_by uuid references staff(id),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);

-- Next steps (næste skridt): owned by a participant, with a due date and a status.
create table meeting_actions (
  id uuid primary key,
  meeting_id uuid not null references meetings(id),
  description text not null,
  owner_participant_id uuid not null references meeting_participants(id),
  due_on date not null,
  status text not null default 'open' check (status in ('open', 'done')),
  completed_at timestamptz,
  created_by uuid not null references staff(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index meeting_actions_meeting on meeting_actions (meeting_id);
create index meeting_actions_owner on meeting_actions (owner_participant_id) where status = 'open';

-- Minutes (referat): revision 1, 2, …; a draft is editable, approval by the
-- facilitator locks it; a correction is the next revision as a new draft,
-- and earlier revisions are kept.
create table meeting_minutes (
  id uuid primary key,
  meeting_id uuid not null references meetings(id),
  revision integer not null check (revision >= 1),
  text text not null,
  status text not null default 'draft' check (status in ('draft', 'approved')),
  approved_by uuid references staff(id),
  approved_at timestamptz,
  created_by uuid not null references staff(id),
  created_at timestamptz not null default now(),
  updated_by uuid references staff(id),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (meeting_id, revision),
  check (status <> 'approved' or (approved_by is not null and approved_at is not null))
);
