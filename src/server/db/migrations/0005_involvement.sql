-- Involvement: staff brought into a child's case by a concrete piece of work
-- (architecture.md §4: "district social workers and PPR see what they were
-- brought into"). A sparring request about a named child, a cross-professional
-- meeting, a course the family attends or a notification each add a row here;
-- while a row is open (ended_at is null) the staff member sees the child's
-- basic data (name, age, parents), nothing more. What else they see is decided
-- by the module that brought them in (the meeting's content, the course roster).
create table child_involvements (
  id uuid primary key,
  child_id uuid not null references persons(id),
  staff_id uuid not null references staff(id),
  source text not null,               -- 'sparring' | 'meeting' | 'course' | 'handover' | 'notification' | …
  source_id uuid not null,            -- the row in the source module
  created_by uuid references staff(id),
  created_at timestamptz not null default now(),
  ended_at timestamptz
);
create index child_involvements_staff on child_involvements (staff_id, child_id) where ended_at is null;
create index child_involvements_child on child_involvements (child_id);
create index child_involvements_source on child_involvements (source, source_id);
