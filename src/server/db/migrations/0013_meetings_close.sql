-- Closing a meeting and removing participants (meetings module; domain.md
-- §5.1, §6.3).
--
-- A meeting is closed by its facilitator once the minutes are approved:
-- closed_at/closed_by are set, the meeting becomes read-only (next steps can
-- still be marked done), and the staff participants' involvement in the
-- child's case (source 'meeting') ends.
--
-- A participant is removed softly: removed_at/removed_by are set and the row
-- is kept, so that a rating they gave stays in the ratings history and next
-- steps they own keep their owner. A removed person may be invited again, so
-- the "one row per person" indexes only count current participants.

alter table meetings add column closed_at timestamptz;
alter table meetings add column closed_by uuid references staff(id);
alter table meetings add constraint meetings_closed_by_with_closed_at check ((closed_at is null) = (closed_by is null));

alter table meeting_participants add column removed_at timestamptz;
alter table meeting_participants add column removed_by uuid references staff(id);
alter table meeting_participants add constraint meeting_participants_removed_by_with_removed_at check ((removed_at is null) = (removed_by is null));

drop index meeting_participants_one_staff;
drop index meeting_participants_one_adult;
create unique index meeting_participants_one_staff on meeting_participants (meeting_id, staff_id) where staff_id is not null and removed_at is null;
create unique index meeting_participants_one_adult on meeting_participants (meeting_id, adult_id) where adult_id is not null and removed_at is null;
