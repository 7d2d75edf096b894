import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { createAction, type Meeting, type MeetingAction, meetingKeys, updateAction } from '../../api/meetings';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { SelectField, TextAreaField, TextField } from '../../components/FormField';
import { usePageSummary } from '../../components/PageSummary';
import { formatDate } from '../../format';
import { useFormErrors } from '../../forms';

const FIELDS = ['description', 'ownerParticipantId', 'dueOn'] as const;

/** Next steps (næste skridt): who does what by when; overdue ones say so in words. They can be marked done also after the meeting is closed. */
export function MeetingActions({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (a: MeetingAction) => updateAction(a.id, { version: a.version, status: a.status === 'open' ? 'done' : 'open' }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meeting.id) });
      void queryClient.invalidateQueries({ queryKey: meetingKeys.myActions });
    },
  });
  const toggleError = toggle.error instanceof ApiError ? toggle.error : null;
  return (
    <section aria-labelledby="actions-heading" className="mb-8">
      <h2 id="actions-heading">{t('meetings.actions.heading')}</h2>
      {toggleError ? (
        <Alert variant="error" heading={toggleError.title} headingLevel={3} focusKey={toggle.submittedAt}>
          {null}
        </Alert>
      ) : null}
      {meeting.actions.length === 0 ? (
        <p>{t('meetings.actions.none')}</p>
      ) : (
        <DataTable
          caption={t('meetings.actions.caption')}
          captionHidden
          rows={meeting.actions}
          rowKey={(a) => a.id}
          columns={[
            { key: 'what', header: t('meetings.actions.description'), rowHeader: true, render: (a) => a.description },
            { key: 'owner', header: t('meetings.actions.owner'), render: (a) => a.owner.name },
            {
              key: 'due',
              header: t('meetings.actions.dueOn'),
              render: (a) => (
                <>
                  {formatDate(a.dueOn)} {a.overdue ? <Badge variant="error">{t('meetings.actions.overdue')}</Badge> : null}
                </>
              ),
            },
            {
              key: 'status',
              header: t('meetings.actions.status'),
              render: (a) => (
                <>
                  <Badge variant={a.status === 'done' ? 'success' : undefined}>{t(`meetings.actions.${a.status}`)}</Badge>{' '}
                  {meeting.mayCompleteActions ? (
                    <button type="button" className="button button-tertiary" onClick={() => toggle.mutate(a)} disabled={toggle.isPending}>
                      {a.status === 'open' ? t('meetings.actions.markDone') : t('meetings.actions.reopen')}
                      <span className="sr-only">: {a.description}</span>
                    </button>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      )}
      {meeting.mayEdit ? <AddAction meeting={meeting} /> : null}
    </section>
  );
}

function AddAction({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors('action', FIELDS);
  usePageSummary(form);
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [added, setAdded] = useState(0);
  const mutation = useMutation({
    mutationFn: () => createAction(meeting.id, { description: description.trim(), ownerParticipantId: owner, dueOn }),
    onSuccess: () => {
      setDescription('');
      setOwner('');
      setDueOn('');
      setAdded(Date.now());
      form.clear();
      void queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meeting.id) });
      void queryClient.invalidateQueries({ queryKey: meetingKeys.myActions });
    },
    onError: (err) => form.failFromApi(err),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    setAdded(0);
    if (
      form.fail({
        description: description.trim() ? '' : t('meetings.actions.descriptionRequired'),
        ownerParticipantId: owner ? '' : t('meetings.actions.ownerRequired'),
        dueOn: dueOn ? '' : t('meetings.actions.dueOnRequired'),
      })
    ) {
      return;
    }
    mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="mt-5">
      <h3>{t('meetings.actions.addHeading')}</h3>
      {added ? (
        <Alert variant="success" announce focusKey={added}>
          {t('meetings.actions.added')}
        </Alert>
      ) : null}
      <TextAreaField id={form.id('description')} label={t('meetings.actions.description')} value={description} onChange={setDescription} error={form.errors.description} rows={2} />
      <SelectField
        id={form.id('ownerParticipantId')}
        label={t('meetings.actions.owner')}
        value={owner}
        onChange={setOwner}
        placeholder={t('meetings.actions.chooseOwner')}
        options={meeting.participants.map((p) => ({ value: p.id, label: `${p.name} (${t(`meetings.participantKind.${p.kind}`)})` }))}
        error={form.errors.ownerParticipantId}
      />
      <TextField id={form.id('dueOn')} label={t('meetings.actions.dueOn')} type="date" value={dueOn} onChange={setDueOn} error={form.errors.dueOn} width="s" />
      <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
        {mutation.isPending ? t('common.saving') : t('meetings.actions.add')}
      </button>
    </form>
  );
}
