-- Open counselling (åben rådgivning) and workshops and talks for staff
-- (issue 7, "Offers and group courses"; domain.md §4). Both hang off an
-- offer in the catalogue (0010_offers.sql): drop-in slots off an offer of
-- format 'drop_in', workshops off one of format 'workshop', 'talk' or 'forum'.

-- A drop-in slot: a professional receives families at a place and time.
create table counselling_slots (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  offer_id uuid not null references offers(id),
  unit_id uuid not null references units(id),          -- the running unit that holds the slot
  professional_id uuid not null references staff(id),
  place text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  version integer not null default 1,
  created_by uuid not null references staff(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at)
);
create index counselling_slots_offer on counselling_slots (offer_id, starts_at);
create index counselling_slots_professional on counselling_slots (professional_id, starts_at);
create index counselling_slots_unit on counselling_slots (unit_id, starts_at);

-- A visit in a slot. An anonymous visit is only counted: the slot, the minute
-- it was recorded and, optionally, an age band and a topic from fixed lists.
-- It has no child, no consent, no note and no free text at all; the checks
-- below make that a property of the table, not only of the code.
-- A visit linked to a family names the child (with the parent's consent:
-- who, in what form, when) and may carry a short note (category social).
create table counselling_visits (
  id uuid primary key,
  slot_id uuid not null references counselling_slots(id),
  kind text not null check (kind in ('anonymous', 'linked')),
  visited_at timestamptz not null,
  age_band text check (age_band in ('pregnancy', '0-1', '1-3', '3-6', '6+')),
  topic text check (topic in ('sleep', 'eating', 'crying', 'development', 'language', 'behaviour', 'attachment', 'parenting', 'family_life', 'daycare', 'wellbeing', 'other')),
  child_id uuid references persons(id),
  consent_given_by_role text check (consent_given_by_role in ('mother', 'father', 'co_parent', 'custody_holder', 'other')),
  consent_given_by_name text,
  consent_form text check (consent_form in ('verbal', 'written', 'digital')),
  consent_given_at timestamptz,
  note text,
  recorded_by uuid not null references staff(id),       -- the professional, never the visitor
  version integer not null default 1,
  check (kind <> 'anonymous' or (child_id is null and consent_given_by_role is null and consent_given_by_name is null
    and consent_form is null and consent_given_at is null and note is null)),
  check (kind <> 'linked' or (child_id is not null and consent_given_by_role is not null and consent_given_by_name is not null
    and consent_form is not null and consent_given_at is not null))
);
create index counselling_visits_slot on counselling_visits (slot_id, visited_at);
create index counselling_visits_child on counselling_visits (child_id) where child_id is not null;

-- A workshop, talk or competence forum for staff: no personal data about children.
create table staff_workshops (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  offer_id uuid not null references offers(id),
  unit_id uuid not null references units(id),           -- the unit where it was held, or for whom
  theme text not null,
  held_on date not null,
  participants integer not null check (participants >= 0),
  facilitator_ids uuid[] not null default '{}',
  note text,
  deleted_at timestamptz,
  version integer not null default 1,
  created_by uuid not null references staff(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index staff_workshops_offer on staff_workshops (offer_id, held_on desc);
create index staff_workshops_unit on staff_workshops (unit_id, held_on desc);
