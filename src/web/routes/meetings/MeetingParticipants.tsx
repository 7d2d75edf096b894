import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { addParticipants, type Meeting, meetingKeys, type Participant, removeParticipant, updateParticipant } from '../../api/meetings';
import type { Colleague } from '../../api/wellbeing';
import { Alert } from '../../components/Alert';
import { SelectField, TextField } from '../../components/FormField';
import { Modal } from '../../components/Modal';
import { danishDateOf, formatDate } from '../../format';

/** The scale's values, 0–10. */
const SCALE_VALUES = Array.from({ length: 11 }, (_, n) => n);

/**
 * Participants with attendance and the scale: the scaling question with the anchors stored on the
 * meeting (0 and 10), and one 0–10 rating per participant, parents included. A change is saved
 * at once (the participant's version is sent; a colleague's newer change gives 409). The
 * facilitator can correct a network person's name and relation inline and remove a participant
 * (after a confirmation); removed participants are listed below with the rating they gave.
 */
export function MeetingParticipants({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<{ ok: boolean; text: string; at: number } | null>(null);
  return (
    <section aria-labelledby="participants-heading" className="mb-8">
      <h2 id="participants-heading">{t('meetings.participants.heading')}</h2>
      <div className="mb-4">
        <h3>{t('meetings.scale.heading')}</h3>
        <p>{t('meetings.scale.question')}</p>
        <ul>
          <li>{t('meetings.scale.anchorLow', { text: meeting.scaleAnchorLow })}</li>
          <li>{t('meetings.scale.anchorHigh', { text: meeting.scaleAnchorHigh })}</li>
        </ul>
      </div>
      <div aria-live="polite" className="mb-4">
        {status ? (
          <Alert variant={status.ok ? 'success' : 'error'} announce={false}>
            {status.text}
          </Alert>
        ) : null}
      </div>
      <div className="table--responsive-scroll">
        <table className="table table--zebra">
          <caption className="sr-only">{t('meetings.participants.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('meetings.participants.name')}</th>
              <th scope="col">{t('meetings.participants.kind')}</th>
              <th scope="col">{t('meetings.participants.unit')}</th>
              <th scope="col">{t('meetings.participants.attended')}</th>
              <th scope="col">{t('meetings.scale.heading')}</th>
              {meeting.mayFacilitate ? <th scope="col">{t('meetings.participants.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {meeting.participants.map((p) => (
              <ParticipantRow key={p.id} meeting={meeting} participant={p} onStatus={setStatus} />
            ))}
          </tbody>
        </table>
      </div>
      {meeting.removedParticipants.length > 0 ? (
        <details className="mt-5">
          <summary>{t('meetings.participants.removedHeading')}</summary>
          <ul>
            {meeting.removedParticipants.map((p) => (
              <li key={p.id}>
                {p.name} ({t(`meetings.participantKind.${p.kind}`)}) – {t('meetings.participants.removedOn', { date: p.removedAt ? formatDate(danishDateOf(p.removedAt)) : '' })}
                {p.rating !== null ? ` – ${t('meetings.scale.heading')}: ${p.rating}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {meeting.mayFacilitate ? <InviteMore meeting={meeting} /> : null}
    </section>
  );
}

function ParticipantRow({
  meeting,
  participant: p,
  onStatus,
}: {
  meeting: Meeting;
  participant: Participant;
  onStatus: (s: { ok: boolean; text: string; at: number }) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(p.version);
  const [rating, setRating] = useState(p.rating === null ? '' : String(p.rating));
  const [attended, setAttended] = useState(p.attended === null ? '' : p.attended ? 'yes' : 'no');
  const mutation = useMutation({
    mutationFn: (body: { attended?: boolean | null; rating?: number | null }) => updateParticipant(meeting.id, p.id, { version, ...body }),
    onSuccess: (saved) => {
      setVersion(saved.version);
      onStatus({ ok: true, text: t('meetings.scale.saved', { name: p.name }), at: Date.now() });
      void queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meeting.id), refetchType: 'none' });
    },
    onError: (err) => onStatus({ ok: false, text: err instanceof ApiError && err.status === 409 ? t('meetings.page.conflict') : (err as Error).message, at: Date.now() }),
  });
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const remove = useMutation({
    mutationFn: () => removeParticipant(meeting.id, p.id, version),
    onSuccess: (updated) => {
      setRemoving(false);
      onStatus({ ok: true, text: t('meetings.participants.removed', { name: p.name }), at: Date.now() });
      queryClient.setQueryData(meetingKeys.detail(meeting.id), updated);
    },
    onError: (err) => {
      setRemoving(false);
      onStatus({ ok: false, text: err instanceof ApiError && err.code === 'conflict.stale_version' ? t('meetings.page.conflict') : (err as Error).message, at: Date.now() });
    },
  });
  const isFacilitator = p.staffId !== null && p.staffId === meeting.facilitator.id;
  const who = p.unit ? `${p.unit.name}${p.profession ? `, ${t(`profession.${p.profession}`)}` : ''}` : p.relation ? (p.kind === 'parent' ? t(`meetings.relation.${p.relation}`, { defaultValue: p.relation }) : p.relation) : '';
  return (
    <>
    <tr>
      <th scope="row">{p.name}</th>
      <td>{t(`meetings.participantKind.${p.kind}`)}</td>
      <td>{who}</td>
      <td>
        {meeting.mayEdit ? (
          <>
            <label className="sr-only" htmlFor={`attended-${p.id}`}>
              {t('meetings.participants.attendedLabel', { name: p.name })}
            </label>
            <select
              id={`attended-${p.id}`}
              className="form-select"
              value={attended}
              onChange={(e) => {
                setAttended(e.target.value);
                mutation.mutate({ attended: e.target.value === '' ? null : e.target.value === 'yes' });
              }}
            >
              <option value="">{t('meetings.participants.attendedUnknown')}</option>
              <option value="yes">{t('meetings.participants.attendedYes')}</option>
              <option value="no">{t('meetings.participants.attendedNo')}</option>
            </select>
          </>
        ) : attended === '' ? (
          t('meetings.participants.attendedUnknown')
        ) : attended === 'yes' ? (
          t('meetings.participants.attendedYes')
        ) : (
          t('meetings.participants.attendedNo')
        )}
      </td>
      <td>
        {meeting.mayEdit ? (
          <>
            <label className="sr-only" htmlFor={`rating-${p.id}`}>
              {t('meetings.scale.ratingLabel', { name: p.name })}
            </label>
            <select
              id={`rating-${p.id}`}
              className="form-select input-width-xs"
              value={rating}
              onChange={(e) => {
                setRating(e.target.value);
                mutation.mutate({ rating: e.target.value === '' ? null : Number(e.target.value) });
              }}
            >
              <option value="">{t('meetings.scale.notRated')}</option>
              {SCALE_VALUES.map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </>
        ) : rating === '' ? (
          t('meetings.scale.notRated')
        ) : (
          rating
        )}
      </td>
      {meeting.mayFacilitate ? (
        <td>
          <div className="spire-actions">
            {p.kind === 'network' ? (
              <button type="button" className="button button-tertiary" onClick={() => setEditing(true)} aria-expanded={editing} disabled={editing}>
                {t('meetings.participants.edit')}
                <span className="sr-only">: {p.name}</span>
              </button>
            ) : null}
            {!isFacilitator ? (
              <button type="button" className="button button-tertiary" onClick={() => setRemoving(true)} disabled={remove.isPending}>
                {t('meetings.participants.remove')}
                <span className="sr-only">: {p.name}</span>
              </button>
            ) : null}
          </div>
          <Modal
            open={removing}
            title={t('meetings.participants.removeTitle', { name: p.name })}
            onClose={() => setRemoving(false)}
            footer={
              <>
                <button type="button" className="button button-primary" onClick={() => remove.mutate()} disabled={remove.isPending}>
                  {remove.isPending ? t('common.saving') : t('meetings.participants.removeConfirm')}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setRemoving(false)}>
                  {t('common.cancel')}
                </button>
              </>
            }
          >
            <p>{t('meetings.participants.removeText')}</p>
          </Modal>
        </td>
      ) : null}
    </tr>
    {editing ? (
      <tr>
        <td colSpan={6}>
          <EditNetworkPerson
            meeting={meeting}
            participant={p}
            version={version}
            onCancel={() => setEditing(false)}
            onSaved={(saved) => {
              setVersion(saved.version);
              setEditing(false);
              onStatus({ ok: true, text: t('meetings.participants.editSaved', { name: saved.name }), at: Date.now() });
              void queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meeting.id) });
            }}
          />
        </td>
      </tr>
    ) : null}
    </>
  );
}

/** Inline correction of a network person's name and relation (facilitator; the participant's version). */
function EditNetworkPerson({
  meeting,
  participant: p,
  version,
  onCancel,
  onSaved,
}: {
  meeting: Meeting;
  participant: Participant;
  version: number;
  onCancel: () => void;
  onSaved: (saved: Participant) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(p.name);
  const [relation, setRelation] = useState(p.relation ?? '');
  const [errors, setErrors] = useState<{ name?: string; relation?: string }>({});
  const mutation = useMutation({
    mutationFn: () => updateParticipant(meeting.id, p.id, { version, name: name.trim(), relation: relation.trim() }),
    onSuccess: onSaved,
    onError: (err) => {
      if (err instanceof ApiError && err.errors.length) {
        setErrors(Object.fromEntries(err.errors.map((f) => [f.field, f.message])));
      }
    },
  });
  const err = mutation.error instanceof ApiError && mutation.error.errors.length === 0 ? mutation.error : null;
  return (
    <form
      noValidate
      aria-label={t('meetings.participants.editLabel', { name: p.name })}
      onSubmit={(e) => {
        e.preventDefault();
        const next = { name: name.trim() ? undefined : t('meetings.participants.nameRequired'), relation: relation.trim() ? undefined : t('meetings.participants.relationRequired') };
        setErrors(next);
        if (next.name || next.relation) return;
        mutation.mutate();
      }}
    >
      {err ? (
        <Alert variant="error" heading={err.status === 409 ? t('meetings.page.conflict') : err.title} headingLevel={4} focusKey={mutation.submittedAt}>
          {null}
        </Alert>
      ) : null}
      <TextField id={`network-name-${p.id}`} label={t('meetings.participants.editName')} value={name} onChange={setName} error={errors.name} />
      <TextField id={`network-relation-${p.id}`} label={t('meetings.participants.editRelation')} value={relation} onChange={setRelation} error={errors.relation} />
      <div className="spire-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('meetings.participants.editSave')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The facilitator invites another professional (under SSD only the listed kinds are accepted). */
function InviteMore({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [staffId, setStaffId] = useState('');
  const directory = useQuery({ queryKey: ['staff-directory', 'all'], queryFn: () => api<{ items: Colleague[] }>('/api/staff-directory').then((r) => r.items) });
  const taken = new Set(meeting.participants.map((p) => p.staffId).filter(Boolean));
  const options = (directory.data ?? []).filter((s) => !taken.has(s.id));
  const mutation = useMutation({
    mutationFn: () => addParticipants(meeting.id, { staff: [{ staffId }] }),
    onSuccess: (updated) => {
      setStaffId('');
      queryClient.setQueryData(meetingKeys.detail(meeting.id), updated);
    },
  });
  const err = mutation.error instanceof ApiError ? mutation.error : null;
  return (
    <form
      className="mt-5"
      onSubmit={(e) => {
        e.preventDefault();
        if (staffId) mutation.mutate();
      }}
    >
      <h3>{t('meetings.participants.addHeading')}</h3>
      {err ? (
        <Alert variant="error" heading={err.title} headingLevel={4} focusKey={mutation.submittedAt}>
          {null}
        </Alert>
      ) : null}
      <SelectField
        id="invite-staff"
        label={t('meetings.participants.addStaff')}
        value={staffId}
        onChange={setStaffId}
        placeholder={t('meetings.participants.addChoose')}
        options={options.map((s) => ({ value: s.id, label: `${s.name} – ${t(`profession.${s.profession}`)}, ${s.units.map((u) => u.name).join(', ')}` }))}
      />
      <button type="submit" className="button button-secondary" disabled={mutation.isPending || !staffId}>
        {t('meetings.participants.add')}
      </button>
    </form>
  );
}
