-- Consent, disclosures and the handover from health visiting to daycare
-- (issue 6; domain.md §6.2, §6.3, rules C1–C3).
--
-- A consent is structured data: who gave it (custody holders), for which
-- child, purpose, recipients (units and/or professions), information
-- categories, form, validity and withdrawal. Every crossing of health
-- information to another unit is a disclosure row with a frozen copy of what
-- was shared and its legal basis. Sharing on "vital interest" creates a task
-- to tell the parents afterwards (rule C3).

create table consents (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  child_id uuid not null references persons(id),
  given_by uuid[] not null,                     -- adults with custody who gave it
  all_custody_holders boolean not null,         -- every custody holder on record gave it
  purpose text not null check (purpose in ('handover_daycare', 'handover_school', 'cooperation', 'meeting')),
  recipient_unit_ids uuid[] not null default '{}',
  recipient_professions text[] not null default '{}',
  categories text[] not null,                   -- basic | health | pedagogical | social
  form text not null check (form in ('written', 'oral', 'digital')),
  valid_from date not null,
  valid_until date,
  note text,
  withdrawn_at timestamptz,
  withdrawn_by uuid references staff(id),       -- the staff member who recorded the withdrawal
  withdrawn_by_adult_id uuid references persons(id),
  withdrawal_reason text,
  recorded_by uuid not null references staff(id),
  recorded_at timestamptz not null default now(),
  version integer not null default 1,
  check (valid_until is null or valid_until >= valid_from),
  check (cardinality(recipient_unit_ids) + cardinality(recipient_professions) > 0),
  check (withdrawn_at is null or withdrawal_reason is not null)
);
create index consents_child on consents (child_id);

-- One crossing of information to another unit. Never changed once written.
create table disclosures (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  child_id uuid not null references persons(id),
  kind text not null check (kind in ('note', 'handover_part')),
  reference_id uuid,                            -- the handover, for handover parts
  part text,                                    -- the handover part key
  category text not null check (category in ('basic', 'health', 'pedagogical', 'social')),
  purpose text not null,
  content jsonb not null,                       -- frozen copy of what was shared
  to_unit_id uuid not null references units(id),
  legal_basis text not null check (legal_basis in ('consent', 'notification_duty', 'vital_interest')),
  consent_id uuid references consents(id),
  basis_reason text,
  shared_by uuid not null references staff(id),
  shared_at timestamptz not null default now(),
  check ((legal_basis = 'consent') = (consent_id is not null)),
  check (legal_basis = 'consent' or basis_reason is not null)
);
create index disclosures_child on disclosures (child_id);
create index disclosures_unit on disclosures (to_unit_id, child_id);
create index disclosures_consent on disclosures (consent_id);
create index disclosures_reference on disclosures (reference_id);

-- Rule C3: after sharing on vital interest, tell the parents (or record why not).
create table disclosure_tasks (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  child_id uuid not null references persons(id),
  disclosure_id uuid not null references disclosures(id),
  assignee_id uuid not null references staff(id),
  status text not null default 'open' check (status in ('open', 'done', 'exception')),
  note text,
  completed_at timestamptz,
  completed_by uuid references staff(id),
  created_at timestamptz not null default now(),
  version integer not null default 1,
  check (status = 'open' or (completed_at is not null and note is not null))
);
create index disclosure_tasks_assignee on disclosure_tasks (assignee_id) where status = 'open';
create index disclosure_tasks_child on disclosure_tasks (child_id);

-- The handover package from the health visitor to the child's daycare.
create table handovers (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  child_id uuid not null references persons(id),
  enrolment_id uuid not null references enrolments(id),
  unit_id uuid not null references units(id),   -- the receiving daycare unit
  status text not null default 'draft' check (status in ('draft', 'sent', 'acknowledged')),
  development text not null default '',
  works_well text not null default '',
  support text not null default '',
  parents_words text not null default '',
  screening_ids uuid[] not null default '{}',
  shared_parts text[] not null default '{}',    -- the parts the parents consented to, set when sent
  consent_id uuid references consents(id),
  prepared_by uuid not null references staff(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  sent_at timestamptz,
  sent_by uuid references staff(id),
  acknowledged_at timestamptz,
  acknowledged_by uuid references staff(id),
  meeting_at timestamptz,
  meeting_place text,
  meeting_participants jsonb,
  meeting_booked_by uuid references staff(id),
  version integer not null default 1,
  check (status = 'draft' or (sent_at is not null and consent_id is not null)),
  check (status <> 'acknowledged' or acknowledged_at is not null)
);
create index handovers_child on handovers (child_id);
create index handovers_unit on handovers (unit_id, status);
create unique index handovers_enrolment on handovers (enrolment_id);
