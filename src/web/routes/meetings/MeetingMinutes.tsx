import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { approveMinutes, correctMinutes, type Meeting, meetingKeys, saveMinutes, updateMeeting } from '../../api/meetings';
import { Alert } from '../../components/Alert';
import { TextAreaField } from '../../components/FormField';
import { usePageSummary } from '../../components/PageSummary';
import { formatDateTime } from '../../format';
import { useFormErrors } from '../../forms';

const FIELDS = ['text'] as const;

/**
 * The minutes (referat): a draft the participants write; the facilitator approves it, which
 * locks it; a correction is the next version as a new draft, and earlier versions stay readable.
 */
export function MeetingMinutes({ meeting, onReload }: { meeting: Meeting; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors('minutes', FIELDS);
  usePageSummary(form);
  const current = meeting.minutes;
  const [text, setText] = useState(current?.text ?? '');
  // A new revision (a correction) or an approval starts from the stored text; saving a draft keeps yours.
  const revisionKey = `${current?.id ?? ''}-${current?.status ?? ''}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the revision or its status changes
  useEffect(() => setText(current?.text ?? ''), [revisionKey]);
  const [notice, setNotice] = useState<{ text: string; at: number } | null>(null);
  const refresh = (message: string) => {
    setNotice({ text: message, at: Date.now() });
    void queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meeting.id) });
  };
  const save = useMutation({
    mutationFn: () => saveMinutes(meeting.id, { version: current?.version ?? 0, text: text.trim() }),
    onSuccess: () => refresh(t('meetings.minutes.saved')),
    onError: (err) => form.failFromApi(err),
  });
  const approve = useMutation({ mutationFn: () => approveMinutes(meeting.id, current?.version ?? 0), onSuccess: () => refresh(t('meetings.minutes.approvedNotice')) });
  const correct = useMutation({ mutationFn: () => correctMinutes(meeting.id, current?.version ?? 0), onSuccess: () => refresh(t('meetings.minutes.saved')) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.reset();
    if (form.fail({ text: text.trim() ? '' : t('meetings.minutes.textRequired') })) return;
    save.mutate();
  };
  const failure = [save.error, approve.error, correct.error].find((e) => e instanceof ApiError && e.errors.length === 0) as ApiError | undefined;
  const locked = current?.status === 'approved';
  const dirty = text.trim() !== (current?.text ?? '');

  return (
    <section aria-labelledby="minutes-heading" className="mb-8">
      <h2 id="minutes-heading">{t('meetings.minutes.heading')}</h2>
      {notice ? (
        <Alert variant="success" announce focusKey={notice.at}>
          {notice.text}
        </Alert>
      ) : null}
      {failure ? (
        <Alert variant="error" heading={failure.title} headingLevel={3}>
          {failure.status === 409 ? (
            <button type="button" className="button button-secondary mt-3" onClick={onReload}>
              {t('meetings.page.reload')}
            </button>
          ) : null}
        </Alert>
      ) : null}
      {current ? (
        <p>
          {locked
            ? t('meetings.minutes.approved', { name: current.approvedBy?.name ?? '', when: formatDateTime(current.approvedAt), revision: current.revision })
            : t('meetings.minutes.draft', { revision: current.revision })}
        </p>
      ) : null}
      {locked ? (
        <>
          {/* A closed meeting cannot be corrected, so the hint about corrections would mislead. */}
          {meeting.closedAt ? null : (
            <Alert variant="info" announce={false}>
              {t('meetings.minutes.locked')}
            </Alert>
          )}
          <div className="spire-minutes-text mt-4" style={{ whiteSpace: 'pre-wrap' }}>
            {current.text}
          </div>
          {meeting.mayFacilitate ? (
            <button type="button" className="button button-secondary mt-5" onClick={() => correct.mutate()} disabled={correct.isPending}>
              {t('meetings.minutes.correct')}
            </button>
          ) : null}
        </>
      ) : meeting.mayEdit ? (
        <form onSubmit={submit} noValidate>
          <TextAreaField id={form.id('text')} label={t('meetings.minutes.text')} value={text} onChange={setText} error={form.errors.text} rows={8} wide />
          <div className="spire-actions">
            <button type="submit" className="button button-primary" disabled={save.isPending}>
              {save.isPending ? t('common.saving') : t('meetings.minutes.save')}
            </button>
            {meeting.mayFacilitate && current ? (
              <button type="button" className="button button-secondary" onClick={() => approve.mutate()} disabled={approve.isPending || dirty}>
                {t('meetings.minutes.approve')}
              </button>
            ) : null}
          </div>
          {!meeting.mayFacilitate ? <p className="form-hint">{t('meetings.minutes.onlyFacilitator')}</p> : null}
        </form>
      ) : current ? (
        <div style={{ whiteSpace: 'pre-wrap' }}>{current.text}</div>
      ) : null}
      {meeting.minutesHistory.length > 0 ? (
        <details className="mt-6">
          <summary>{t('meetings.minutes.history')}</summary>
          {meeting.minutesHistory.map((m) => (
            <div key={m.id} className="mt-4">
              <h3 className="h5">{t('meetings.minutes.version', { revision: m.revision, when: formatDateTime(m.approvedAt), name: m.approvedBy?.name ?? '' })}</h3>
              <div style={{ whiteSpace: 'pre-wrap' }}>{m.text}</div>
            </div>
          ))}
        </details>
      ) : null}
    </section>
  );
}

/** The parents' plain-language summary: the facilitator writes it; everyone can open the print page. */
export function ParentSummaryEditor({ meeting, onReload }: { meeting: Meeting; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState(meeting.parentSummary ?? '');
  const [saved, setSaved] = useState(0);
  const mutation = useMutation({
    mutationFn: () => updateMeeting(meeting.id, { version: meeting.version, parentSummary: text.trim() || null }),
    onSuccess: (updated) => {
      setSaved(Date.now());
      queryClient.setQueryData(meetingKeys.detail(meeting.id), updated);
    },
  });
  const err = mutation.error instanceof ApiError ? mutation.error : null;
  return (
    <section aria-labelledby="summary-heading" className="mb-8">
      <h2 id="summary-heading">{t('meetings.summary.heading')}</h2>
      {saved ? (
        <Alert variant="success" announce focusKey={saved}>
          {t('meetings.summary.saved')}
        </Alert>
      ) : null}
      {err ? (
        <Alert variant="error" heading={err.title} headingLevel={3}>
          {err.status === 409 ? (
            <button type="button" className="button button-secondary mt-3" onClick={onReload}>
              {t('meetings.page.reload')}
            </button>
          ) : null}
        </Alert>
      ) : null}
      {meeting.mayFacilitate ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            mutation.mutate();
          }}
        >
          <TextAreaField id="parent-summary" label={t('meetings.summary.heading')} hint={t('meetings.summary.hint')} value={text} onChange={setText} rows={5} wide />
          <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
            {mutation.isPending ? t('common.saving') : t('meetings.summary.save')}
          </button>
        </form>
      ) : (
        <p style={{ whiteSpace: 'pre-wrap' }}>{meeting.parentSummary ?? t('meetings.summary.none')}</p>
      )}
      <p className="mt-4">
        <Link to={`/moeder/${meeting.id}/sammendrag`}>{t('meetings.summary.print')}</Link>
      </p>
    </section>
  );
}
