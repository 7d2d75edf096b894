import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminSettingsKeys, getClosingDays, saveClosingDays } from '../../api/adminSettings';
import { ApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { SaveProblem } from '../../components/SaveProblem';
import { BackLink } from '../../components/BackLink';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroupField, TextField } from '../../components/FormField';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { latestSummary, useFormErrors } from '../../forms';

const ADD_FIELDS = ['date', 'repeat'] as const;
const SAVE_FIELDS = ['extraClosingDays'] as const;

/**
 * A closing-day entry in words: 'MM-DD' → "5. juni" (every year), 'YYYY-MM-DD' → "28. december 2026".
 * @example closingDayText('12-24', 'da') // '24. december'
 */
export function closingDayText(entry: string, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'da-DK';
  const yearly = /^\d{2}-\d{2}$/.test(entry);
  const iso = yearly ? `2000-${entry}` : entry;
  const date = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return entry;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', ...(yearly ? {} : { year: 'numeric' }), timeZone: 'UTC' }).format(date);
}

/** Sorts entries by month and day, yearly ones before dated ones on the same day. */
const byDay = (a: string, b: string) => {
  const key = (e: string) => (e.length === 5 ? `${e}-0` : `${e.slice(5)}-${e.slice(0, 4)}`);
  return key(a).localeCompare(key(b));
};

/**
 * `/admin/lukkedage`: the municipality's extra closing days for statutory deadlines (default 5 June,
 * 24 and 31 December): add and remove entries, then save with the version read (409 → reload).
 */
export function ClosingDays() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: adminSettingsKeys.closingDays, queryFn: getClosingDays, staleTime: 0 });
  const addForm = useFormErrors('closing-add', ADD_FIELDS);
  const saveForm = useFormErrors('closing', SAVE_FIELDS);
  const [days, setDays] = useState<string[]>([]);
  const [dirty, setDirty] = useState(false);
  const [date, setDate] = useState('');
  const [repeat, setRepeat] = useState<'yearly' | 'once'>('yearly');
  const [saved, setSaved] = useState<number | null>(null);

  useEffect(() => {
    if (settings.data) {
      setDays([...settings.data.extraClosingDays].sort(byDay));
      setDirty(false);
    }
  }, [settings.data]);

  const mutation = useMutation({
    mutationFn: () => saveClosingDays({ version: settings.data?.version ?? 0, extraClosingDays: days }),
    onSuccess: (next) => {
      queryClient.setQueryData(adminSettingsKeys.closingDays, next);
      setSaved(Date.now());
    },
    onError: (err) => {
      saveForm.failFromApi(err);
    },
  });

  const add = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
    const entry = valid ? (repeat === 'yearly' ? date.slice(5) : date) : '';
    if (addForm.fail({ date: !valid ? t('adminSettings.closing.dateRequired') : days.includes(entry) ? t('adminSettings.closing.duplicate') : '' })) return;
    setDays((d) => [...d, entry].sort(byDay));
    setDirty(true);
    setDate('');
  };

  const remove = (entry: string) => {
    setSaved(null);
    setDays((d) => d.filter((x) => x !== entry));
    setDirty(true);
  };

  const save = () => {
    mutation.reset();
    saveForm.clear();
    mutation.mutate();
  };

  const _err = mutation.error instanceof ApiError ? mutation.error : null;
  const summary = latestSummary(addForm, saveForm);
  const title = t('adminSettings.closing.title');

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle title={title} />
        <BackLink to="/admin/indstillinger">{t('adminSettings.index.title')}</BackLink>
        <ErrorSummary items={summary.items} focusKey={summary.key} />
        <h1>{title}</h1>
        <p className="font-lead">{t('adminSettings.closing.lead')}</p>
        {settings.isPending ? <Spinner /> : null}
        {settings.isError ? <ErrorState error={settings.error} onRetry={() => void settings.refetch()} /> : null}
        {saved ? (
          <Alert variant="success" announce focusKey={saved}>
            {t('adminSettings.closing.saved')}
          </Alert>
        ) : null}
        <SaveProblem error={mutation.error} focusKey={mutation.submittedAt} conflictText={t('adminSettings.closing.conflict')} onReload={() => {
              mutation.reset();
              void settings.refetch();
            }} />
        {settings.data ? (
          <>
            {settings.data.source === 'default' ? <p>{t('adminSettings.closing.defaultNote')}</p> : null}
            <div id={saveForm.id('extraClosingDays')} tabIndex={-1}>
              {saveForm.errors.extraClosingDays ? (
                <p className="form-error-message">
                  <span className="sr-only">{t('common.errorPrefix')}</span>
                  {saveForm.errors.extraClosingDays}
                </p>
              ) : null}
              {days.length === 0 ? (
                <EmptyState title={t('adminSettings.closing.empty')} headingLevel={2}>
                  {t('adminSettings.closing.emptyText')}
                </EmptyState>
              ) : (
                <DataTable<string>
                  caption={t('adminSettings.closing.caption')}
                  rows={days}
                  rowKey={(d) => d}
                  columns={[
                    { key: 'day', header: t('adminSettings.closing.colDay'), rowHeader: true, render: (d) => closingDayText(d, i18n.language) },
                    {
                      key: 'repeats',
                      header: t('adminSettings.closing.colRepeats'),
                      render: (d) => (d.length === 5 ? t('adminSettings.closing.everyYear') : t('adminSettings.closing.onlyOnce')),
                    },
                    {
                      key: 'remove',
                      header: <span className="sr-only">{t('adminSettings.closing.remove')}</span>,
                      render: (d) => (
                        <button type="button" className="button button-tertiary" onClick={() => remove(d)} aria-label={t('adminSettings.closing.removeDay', { day: closingDayText(d, i18n.language) })}>
                          {t('adminSettings.closing.remove')}
                        </button>
                      ),
                    },
                  ]}
                />
              )}
            </div>
            <form onSubmit={add} noValidate className="mt-6">
              <h2>{t('adminSettings.closing.addHeading')}</h2>
              <TextField
                id={addForm.id('date')}
                type="date"
                label={t('adminSettings.closing.date')}
                hint={t('common.dateFormatHint')}
                value={date}
                onChange={setDate}
                error={addForm.errors.date}
              />
              <RadioGroupField
                id={addForm.id('repeat')}
                legend={t('adminSettings.closing.repeat')}
                value={repeat}
                onChange={(v) => setRepeat(v === 'once' ? 'once' : 'yearly')}
                options={[
                  { value: 'yearly', label: t('adminSettings.closing.repeatYearly') },
                  { value: 'once', label: t('adminSettings.closing.repeatOnce') },
                ]}
              />
              <button type="submit" className="button button-secondary mt-4">
                {t('adminSettings.closing.add')}
              </button>
            </form>
            <div className="mt-8">
              {dirty ? <p>{t('adminSettings.closing.unsaved')}</p> : null}
              <button type="button" className="button button-primary" onClick={save} disabled={mutation.isPending}>
                {mutation.isPending ? t('common.saving') : t('adminSettings.closing.save')}
              </button>
            </div>
          </>
        ) : null}
      </div>
    </div>
  );
}
