-- Spire foundation: organisation, staff, sign-in and the audit log.
-- Valid on PostgreSQL 15 and on PGlite. Counts and ids never use int8 here.

create table municipalities (
  id uuid primary key,
  name text not null,
  code text not null unique,
  version integer not null default 1,
  created_at timestamptz not null default now()
);

create table districts (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  name text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  unique (municipality_id, name)
);

create table clusters (
  id uuid primary key,
  district_id uuid not null references districts(id),
  name text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  unique (district_id, name)
);

create table units (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  district_id uuid not null references districts(id),
  cluster_id uuid references clusters(id),
  name text not null,
  kind text not null check (kind in (
    'health_visiting', 'childminding', 'nursery', 'kindergarten', 'integrated_daycare',
    'school', 'after_school', 'club', 'ppr', 'family_centre', 'social_services')),
  address text,
  phone text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index units_district on units (district_id);

create table staff (
  id uuid primary key,
  municipality_id uuid not null references municipalities(id),
  name text not null,
  username text not null,
  email text,
  profession text not null check (profession in (
    'health_visitor', 'pedagogue', 'teacher', 'ppr_psychologist', 'social_worker',
    'family_therapist', 'manager', 'administrator', 'analyst')),
  password_hash text,
  active boolean not null default true,
  failed_sign_ins integer not null default 0,
  locked_until timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index staff_username on staff (lower(username));

create table memberships (
  id uuid primary key,
  staff_id uuid not null references staff(id),
  unit_id uuid not null references units(id),
  starts_on date not null,
  ends_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  check (ends_on is null or ends_on >= starts_on)
);
create index memberships_staff on memberships (staff_id);
create index memberships_unit on memberships (unit_id);

create table certifications (
  id uuid primary key,
  staff_id uuid not null references staff(id),
  kind text not null check (kind in ('adbb', 'cosp_facilitator', 'signs_of_safety')),
  valid_from date not null,
  valid_until date,
  created_at timestamptz not null default now(),
  check (valid_until is null or valid_until >= valid_from)
);
create index certifications_staff on certifications (staff_id);

create table sessions (
  id text primary key,                -- sha-256 of the cookie token; the token itself is never stored
  staff_id uuid not null references staff(id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,    -- idle expiry, slides on use
  absolute_expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_staff on sessions (staff_id);

create table audit_log (
  id uuid primary key,
  at timestamptz not null default date_trunc('milliseconds', now()), -- ms, like JavaScript dates (paging cursors)
  municipality_id uuid,
  actor_id uuid,
  actor_name text,
  action text not null,
  category text not null,
  subject_ids uuid[] not null default '{}',
  criterion text,
  purpose text,
  outcome text not null check (outcome in ('allowed', 'denied')),
  request_id text,
  ip text,
  detail jsonb
);
create index audit_log_at on audit_log (at desc, id desc);
create index audit_log_actor on audit_log (actor_id, at desc);
create index audit_log_subjects on audit_log using gin (subject_ids);

-- The audit log is append-only: rows can be added, never changed or removed here.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();
