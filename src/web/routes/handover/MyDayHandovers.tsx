import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { completeDisclosureTask, consentKeys, type DisclosureTask, getMyDisclosureTasks } from '../../api/consent';
import { createHandover, getMyHandovers, type HandoverSummary, handoverKeys, handoverPath } from '../../api/handover';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { formatDate, formatDateTime } from '../../format';
import { HandoverStatus } from './shared';

/**
 * Min dag: "Overleveringer" (health visitor: due, being prepared, sent and awaiting acknowledgement,
 * flagged after 5 working days), "Overleveringer til jer" (daycare staff) and the tasks to tell parents
 * about sharing on vital interest (rule C3). Renders nothing for people it does not concern.
 */
export function MyDayHandovers() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: handoverKeys.mine, queryFn: getMyHandovers });
  const tasks = useQuery({ queryKey: consentKeys.tasks, queryFn: getMyDisclosureTasks });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return null;
  const { due, awaiting, incoming } = query.data;
  const open = tasks.data ?? [];
  if (due.length + awaiting.length + incoming.length + open.length === 0) return null;
  return (
    <>
      {due.length + awaiting.length > 0 ? (
        <section aria-labelledby="myday-handovers" className="mt-8">
          <h2 id="myday-handovers">{t('handover.myDayHeading')}</h2>
          {due.length ? <HandoverTable caption={t('handover.myDayDue')} rows={due} /> : null}
          {awaiting.length ? <HandoverTable caption={t('handover.myDayAwaiting')} rows={awaiting} /> : null}
        </section>
      ) : null}
      {incoming.length > 0 ? (
        <section aria-labelledby="myday-handovers-in" className="mt-8">
          <h2 id="myday-handovers-in">{t('handover.myDayIncoming')}</h2>
          <HandoverTable caption={t('handover.myDayIncoming')} rows={incoming} captionHidden />
        </section>
      ) : null}
      {open.length > 0 ? <Tasks tasks={open} /> : null}
    </>
  );
}

function HandoverTable({ caption, rows, captionHidden }: { caption: string; rows: HandoverSummary[]; captionHidden?: boolean }) {
  const { t } = useTranslation();
  return (
    <DataTable<HandoverSummary>
      caption={caption}
      captionHidden={captionHidden}
      rows={rows}
      rowKey={(r) => r.enrolmentId}
      columns={[
        { key: 'child', header: t('handover.col.child'), rowHeader: true, render: (r) => <Link to={`/boern/${encodeURIComponent(r.childId)}`}>{r.childName}</Link> },
        { key: 'unit', header: t('handover.col.unit'), render: (r) => r.unit.name },
        { key: 'start', header: t('handover.col.start'), render: (r) => formatDate(r.startsOn) },
        { key: 'status', header: t('handover.col.status'), render: (r) => <HandoverStatus status={r.status} flagged={r.flagged} startsOn={r.startsOn} /> },
        { key: 'action', header: t('handover.col.action'), render: (r) => <HandoverAction row={r} /> },
      ]}
    />
  );
}

/** Open the handover, or start preparing it. */
export function HandoverAction({ row }: { row: HandoverSummary }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => createHandover(row.childId, row.enrolmentId),
    onSuccess: (h) => {
      void queryClient.invalidateQueries({ queryKey: handoverKeys.mine });
      void navigate(handoverPath(h.childId, h.id));
    },
  });
  if (row.id) {
    return (
      <Link to={handoverPath(row.childId, row.id)} aria-label={`${t('consent.open')}: ${row.childName}`}>
        {t('consent.open')}
      </Link>
    );
  }
  return (
    <>
      <button type="button" className="button button-secondary button-small" disabled={mutation.isPending} onClick={() => mutation.mutate()} aria-label={`${t('consent.prepare')}: ${row.childName}`}>
        {t('consent.prepare')}
      </button>
      {mutation.error ? <span className="form-error-message">{(mutation.error as Error).message}</span> : null}
    </>
  );
}

function Tasks({ tasks }: { tasks: DisclosureTask[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="myday-disclosure-tasks" className="mt-8">
      <h2 id="myday-disclosure-tasks">{t('consent.tasksHeading')}</h2>
      <ul className="nobullet-list">
        {tasks.map((task) => (
          <TaskItem key={task.id} task={task} />
        ))}
      </ul>
    </section>
  );
}

function TaskItem({ task }: { task: DisclosureTask }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const mutation = useMutation({
    mutationFn: (outcome: 'done' | 'exception') => completeDisclosureTask(task.id, { version: task.version, outcome, note }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: consentKeys.tasks }),
    onError: (e) => setError((e as Error).message),
  });
  const act = (outcome: 'done' | 'exception') => {
    if (!note.trim()) {
      setError(t('consent.taskNoteRequired'));
      return;
    }
    setError('');
    mutation.mutate(outcome);
  };
  const fieldId = `task-note-${task.id}`;
  return (
    <li className="mb-6">
      <p>{t('consent.taskText', { child: task.childName, unit: task.toUnitName, date: formatDateTime(task.sharedAt) })}</p>
      <div className={`form-group${error ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor={fieldId}>
          {t('consent.taskNote')}
        </label>
        {error ? (
          <span className="form-error-message" id={`${fieldId}-error`}>
            <span className="sr-only">{t('common.errorPrefix')}</span>
            {error}
          </span>
        ) : null}
        <input id={fieldId} className="form-input" value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${fieldId}-error` : undefined} />
      </div>
      <button type="button" className="button button-secondary mr-4" disabled={mutation.isPending} onClick={() => act('done')}>
        {t('consent.taskDone')}
      </button>
      <button type="button" className="button button-tertiary" disabled={mutation.isPending} onClick={() => act('exception')}>
        {t('consent.taskException')}
      </button>
    </li>
  );
}
