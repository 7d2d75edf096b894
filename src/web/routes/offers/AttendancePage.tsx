import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { type AttendanceSheet, type AttendanceStatus, getAttendance, offerKeys, saveAttendance } from '../../api/offers';
import { Alert } from '../../components/Alert';
import { BackLink } from '../../components/BackLink';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroupField } from '../../components/FormField';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { formatDate, formatTime, languageName } from '../../format';
import { useFormErrors } from '../../forms';

const STATUSES: AttendanceStatus[] = ['present', 'absent', 'excused'];
const rowKey = (r: AttendanceSheet['rows'][number]) => `${r.participantId}-${r.adult.id}`;

/** `/forloeb/:id/moeder/:sessionId`: attendance for one session, one choice per participating parent. */
export function AttendancePage() {
  const { t } = useTranslation();
  const { id = '', sessionId = '' } = useParams();
  const sheet = useQuery({ queryKey: offerKeys.attendance(sessionId), queryFn: () => getAttendance(sessionId), staleTime: 0 });
  if (sheet.isPending) return <Spinner />;
  if (sheet.isError) {
    return (
      <>
        <PageTitle title={t('errors.loadHeading')} />
        <BackLink to={`/forloeb/${encodeURIComponent(id)}`}>{t('offers.attendance.back')}</BackLink>
        <h1>{t('errors.loadHeading')}</h1>
        <ErrorState error={sheet.error} onRetry={() => void sheet.refetch()} />
      </>
    );
  }
  return <AttendanceForm sheet={sheet.data} />;
}

function AttendanceForm({ sheet }: { sheet: AttendanceSheet }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [marks, setMarks] = useState<Record<string, AttendanceStatus | ''>>({});
  const [saved, setSaved] = useState<number | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ key: number; changed: string[] } | null>(null);
  /** Marks to show instead of the server's when the sheet is reloaded after a 409 (the user's own unsaved choices, merged). */
  const merged = useRef<Record<string, AttendanceStatus | ''> | null>(null);
  const keys = sheet.rows.map(rowKey);
  const form = useFormErrors('attendance', keys);
  useEffect(() => {
    const own = merged.current;
    merged.current = null;
    setMarks(own ?? Object.fromEntries(sheet.rows.map((r) => [rowKey(r), r.status ?? ''])));
  }, [sheet]);

  /**
   * A colleague saved marks meanwhile: reload the sheet, take the colleague's mark wherever they
   * changed that parent, and keep the user's own choices elsewhere.
   */
  const reloadAfterConflict = async () => {
    const fresh = await getAttendance(sheet.session.id);
    const changed: string[] = [];
    const next: Record<string, AttendanceStatus | ''> = {};
    for (const r of fresh.rows) {
      const k = rowKey(r);
      const before = sheet.rows.find((x) => rowKey(x) === k);
      if (!before || before.version !== r.version) {
        next[k] = r.status ?? '';
        if (before) changed.push(r.adult.name);
      } else {
        next[k] = marks[k] ?? r.status ?? '';
      }
    }
    merged.current = next;
    queryClient.setQueryData(offerKeys.attendance(sheet.session.id), fresh);
    setConflict({ key: Date.now(), changed });
  };

  const mutation = useMutation({
    mutationFn: () =>
      saveAttendance(
        sheet.session.id,
        sheet.rows.map((r) => ({ participantId: r.participantId, adultId: r.adult.id, status: marks[rowKey(r)] as AttendanceStatus, version: r.version })),
      ),
    onSuccess: (next) => {
      queryClient.setQueryData(offerKeys.attendance(sheet.session.id), next);
      void queryClient.invalidateQueries({ queryKey: offerKeys.all });
      setSaved(Date.now());
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409 && e.code === 'conflict.stale_version') {
        reloadAfterConflict().catch((reloadError: unknown) => setAlert(reloadError instanceof Error ? reloadError.message : String(reloadError)));
      } else if (!form.failFromApi(e)) setAlert(e instanceof Error ? e.message : String(e));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setAlert(null);
    setConflict(null);
    const errors = Object.fromEntries(sheet.rows.map((r) => [rowKey(r), marks[rowKey(r)] ? '' : t('offers.attendance.choose', { name: r.adult.name })]));
    if (!form.fail(errors)) mutation.mutate();
  };

  const title = t('offers.attendance.title', { number: sheet.session.number, course: sheet.courseName });
  const last = sheet.session.number === sheet.sessionCount;
  return (
    <>
      <PageTitle title={title} />
      <BackLink to={`/forloeb/${encodeURIComponent(sheet.courseId)}`}>{t('offers.attendance.back')}</BackLink>
      <ErrorSummary items={form.summary} focusKey={form.attempt} />
      <h1>{title}</h1>
      <p className="font-lead">
        {t('offers.attendance.when', { date: formatDate(sheet.session.date), time: formatTime(sheet.session.startTime), minutes: sheet.session.durationMinutes })}
      </p>
      {saved ? (
        <Alert variant="success" focusKey={saved}>
          {sheet.finished ? t('offers.attendance.savedFinished') : t('offers.attendance.saved')}
        </Alert>
      ) : null}
      {alert ? <Alert variant="error">{alert}</Alert> : null}
      {conflict ? (
        <Alert variant="warning" focusKey={conflict.key}>
          {t('offers.attendance.conflict')}
          {conflict.changed.length > 0 ? ` ${t('offers.attendance.conflictChanged', { names: conflict.changed.join(', ') })}` : ''}
        </Alert>
      ) : null}
      {last && !sheet.finished ? <Alert variant="info" announce={false}>{t('offers.attendance.lastSession')}</Alert> : null}
      {sheet.rows.length === 0 ? (
        <EmptyState title={t('offers.attendance.empty')} headingLevel={2} />
      ) : (
        <form onSubmit={submit} noValidate>
          <p>
            <button type="button" className="button button-secondary" onClick={() => setMarks(Object.fromEntries(keys.map((k) => [k, 'present'])))}>
              {t('offers.attendance.allPresent')}
            </button>
          </p>
          {sheet.rows.map((r) => (
            <RadioGroupField
              key={rowKey(r)}
              id={form.id(rowKey(r))}
              className="spire-attendance-row"
              legend={
                <>
                  {t('offers.attendance.rowLegend', { adult: r.adult.name, child: r.childName })}
                  {r.adult.interpreterNeeded ? (
                    <>
                      {' '}
                      <Badge variant="warning">{t('offers.course.interpreter', { language: languageName(r.adult.preferredLanguage) })}</Badge>
                    </>
                  ) : null}
                </>
              }
              value={marks[rowKey(r)] ?? ''}
              onChange={(value) => setMarks((m) => ({ ...m, [rowKey(r)]: value as AttendanceStatus }))}
              options={STATUSES.map((s) => ({ value: s, label: t(`offers.attendance.status.${s}`) }))}
              error={form.errors[rowKey(r)]}
            />
          ))}
          <div className="spire-actions mt-6">
            <button type="submit" className="button button-primary" disabled={mutation.isPending}>
              {mutation.isPending ? t('common.saving') : t('offers.attendance.save')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
