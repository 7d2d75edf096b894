-- Notifications (underretninger, Barnets Lov § 133; domain.md §6.1, §6.8, rules N1–N7).
--
-- A professional notifies the municipality's social services unit about a
-- child (a born child or an expected-child record) or about expectant parents
-- not yet in the registry (their name/address/CPR kept here, so that the
-- "unborn child" ground never needs a child record). The notifier's identity
-- and workplace (a unit of theirs, with its address — never a private
-- address) are always set from the signed-in actor (N1). Parental consent is
-- never looked at (N3). Deadlines are computed from received_at on read:
-- the acute assessment within 24 hours (N4), the receipt within 6 working
-- days (N5) with the municipality's extra closing days.

-- The municipality's extra closing days for statutory deadlines (§6.8);
-- no row = the default (5 June, 24 and 31 December).
create table notification_settings (
  municipality_id uuid primary key references municipalities(id),
  extra_closing_days text[] not null,
  version integer not null default 1,
  updated_by uuid references staff(id),
  updated_at timestamptz not null default now()
);

create table notifications (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  -- A born or expected child in the registry, or null with the expectant parent's details below.
  child_id uuid references persons(id),
  expectant_parent_name text,
  expectant_parent_address text,
  expectant_parent_cpr text check (expectant_parent_cpr is null or expectant_parent_cpr ~ '^[0-9]{10}$'),
  expected_date date,
  grounds text[] not null check (
    cardinality(grounds) > 0
    and grounds <@ array['special_support', 'unborn_child', 'school_absence', 'abuse']::text[]),
  observations text not null check (length(observations) > 0),
  parents_informed boolean not null,
  not_informed_reason text check (not_informed_reason in ('suspected_abuse_by_parents', 'risk_to_child', 'could_not_reach', 'other')),
  not_informed_text text,
  -- The notifier, never anonymous (N1): name and workplace copied as they were when notifying.
  notifier_id uuid not null references staff(id),
  notifier_name text not null,
  notifier_profession text not null,
  notifier_unit_id uuid not null references units(id),
  notifier_workplace text not null,
  notifier_workplace_address text,
  recipient_unit_id uuid not null references units(id),
  received_at timestamptz not null,
  -- The municipality's handling.
  receipt_confirmed_on date,
  receipt_confirmed_at timestamptz,
  receipt_confirmed_by uuid references staff(id),
  acute_assessed_at timestamptz,
  acute boolean,
  acute_note text,
  acute_assessed_by uuid references staff(id),
  outcome text check (outcome in ('no_further_action', 'investigation', 'measures', 'referred_elsewhere')),
  outcome_note text,
  outcome_at timestamptz,
  outcome_by uuid references staff(id),
  feedback text check (feedback in ('told', 'suppressed')),
  feedback_reason text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (child_id is not null or expectant_parent_name is not null),
  check (parents_informed or not_informed_reason is not null),
  check (outcome is null or feedback is not null),
  check (feedback is distinct from 'suppressed' or feedback_reason is not null),
  check ((acute_assessed_at is null) = (acute is null))
);
create index notifications_recipient on notifications (recipient_unit_id, received_at);
create index notifications_notifier on notifications (notifier_id, received_at desc);
create index notifications_child on notifications (child_id) where child_id is not null;
