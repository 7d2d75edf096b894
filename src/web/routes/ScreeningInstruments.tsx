import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listInstruments, loadTexts, screeningKeys, updateThresholds } from '../api/screening';
import type { Instrument, LoadTextsInput, RespondentRole } from '../api/types';
import { ErrorState } from '../components/ErrorState';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormField, TextField } from '../components/FormField';
import { PageSummaryProvider, usePageSummary, useSummaryHost } from '../components/PageSummary';
import { PageTitle } from '../components/PageTitle';
import { Spinner } from '../components/Spinner';
import { formatDateTimeShort, languageName } from '../format';
import { useFormErrors } from '../forms';
import i18n from '../i18n';
import { Facts, Section, useNotice } from './child/shared';

const ROLES: RespondentRole[] = ['mother', 'father', 'co_parent'];

/**
 * `/admin/screeningsvaerktoejer`: per instrument the cut-offs in force with a form to change
 * them (PUT thresholds, with the version read), and "Indlæs licenserede tekster" from a JSON
 * file `{language, version, items: [{number, text, options?}]}` (PUT texts). Spire never ships
 * licensed wording; the municipality must hold the licence for what it loads.
 */
export function ScreeningInstruments() {
  const { t } = useTranslation();
  const summary = useSummaryHost();
  const language = i18n.language === 'en' ? 'en' : 'da';
  const instruments = useQuery({ queryKey: screeningKeys.instruments(language), queryFn: () => listInstruments(language) });
  return (
    <PageSummaryProvider value={summary.publish}>
      <PageTitle title={t('instrumentAdmin.title')} />
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <h1>{t('instrumentAdmin.title')}</h1>
      <p className="font-lead">{t('instrumentAdmin.intro')}</p>
      {instruments.isPending ? <Spinner /> : null}
      {instruments.isError ? <ErrorState error={instruments.error} onRetry={() => void instruments.refetch()} /> : null}
      {instruments.data?.map((i) => (
        <InstrumentSection key={i.id} instrument={i} />
      ))}
    </PageSummaryProvider>
  );
}

function InstrumentSection({ instrument: i }: { instrument: Instrument }) {
  const { t } = useTranslation();
  const name = i18n.language === 'en' ? i.nameEn : i.nameDa;
  const cutOffs = i.thresholds.byRole
    ? ROLES.map((r) => `${t(`respondentRole.${r}`)} ≥ ${i.thresholds.byRole?.[r]}`).join(', ')
    : `≥ ${i.thresholds.default}`;
  return (
    <Section id={`instrument-${i.id}`} title={name}>
      <Facts
        items={[
          { label: t('instrumentAdmin.version'), value: i.version },
          { label: t('instrumentAdmin.items'), value: t('instrumentAdmin.itemsValue', { count: i.items.length, min: i.items[0]?.minScore ?? 0, max: i.items[0]?.maxScore ?? 0 }) },
          {
            label: t('instrumentAdmin.cutOffs'),
            value: `${cutOffs} (${t(`instrumentAdmin.source.${i.thresholds.source}`)})`,
          },
          {
            label: t('instrumentAdmin.texts'),
            value:
              i.textLanguages.length === 0
                ? t('instrumentAdmin.noTexts')
                : `${i.textLanguages.map(languageName).join(', ')}${i.texts ? ` · ${t('instrumentAdmin.loadedAt', { version: i.texts.version, date: formatDateTimeShort(i.texts.loadedAt) })}` : ''}`,
          },
        ]}
      />
      <ThresholdsForm instrument={i} />
      <TextsForm instrument={i} />
    </Section>
  );
}

const THRESHOLD_FIELDS = ['default', 'byRole.mother', 'byRole.father', 'byRole.co_parent', 'version'] as const;

function ThresholdsForm({ instrument: i }: { instrument: Instrument }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const notice = useNotice(() => queryClient.invalidateQueries({ queryKey: ['instruments'] }));
  const form = useFormErrors(`thresholds-${i.id}`, THRESHOLD_FIELDS);
  usePageSummary(form);
  const [values, setValues] = useState<Record<string, string>>(() => ({
    default: String(i.thresholds.default),
    ...Object.fromEntries(ROLES.map((r) => [`byRole.${r}`, String(i.thresholds.byRole?.[r] ?? '')])),
  }));
  const set = (key: string) => (v: string) => setValues((s) => ({ ...s, [key]: v }));
  const mutation = useMutation({
    mutationFn: () =>
      updateThresholds(i.id, {
        version: i.thresholds.version,
        default: Number(values.default),
        ...(i.thresholds.byRole ? { byRole: Object.fromEntries(ROLES.map((r) => [r, Number(values[`byRole.${r}`])])) } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['instruments'] });
      form.clear();
      notice.success(t('instrumentAdmin.thresholdsSaved'));
    },
    onError: (err) => notice.fail(err, form, t('instrumentAdmin.conflict')),
  });
  const check = (v: string) => {
    const n = Number(v);
    return Number.isInteger(n) && n >= 1 && n <= i.maxTotal ? '' : t('instrumentAdmin.cutOffRange', { max: i.maxTotal });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = { default: check(values.default) };
    if (i.thresholds.byRole) for (const r of ROLES) errors[`byRole.${r}`] = check(values[`byRole.${r}`]);
    if (form.fail(errors)) return;
    mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="spire-inline-form">
      <h3 className="h4 mt-0">{t('instrumentAdmin.thresholdsHeading')}</h3>
      {notice.node}
      <p>{t('instrumentAdmin.thresholdsIntro', { max: i.maxTotal })}</p>
      <div className="spire-inline-fields">
        <TextField id={form.id('default')} label={i.thresholds.byRole ? t('instrumentAdmin.defaultCutOff') : t('instrumentAdmin.cutOff')} value={values.default} onChange={set('default')} error={form.errors.default} inputMode="numeric" width="xs" required />
        {i.thresholds.byRole
          ? ROLES.map((r) => (
              <TextField key={r} id={form.id(`byRole.${r}`)} label={t('instrumentAdmin.roleCutOff', { role: t(`respondentRole.${r}`) })} value={values[`byRole.${r}`]} onChange={set(`byRole.${r}`)} error={form.errors[`byRole.${r}`]} inputMode="numeric" width="xs" required />
            ))
          : null}
      </div>
      <div className="spire-actions mt-6">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('instrumentAdmin.saveThresholds')}
        </button>
      </div>
    </form>
  );
}

// Server errors about the file's content (items.0.number …) have no field of their own: they go to the summary as text.
const TEXT_FIELDS = ['file'] as const;

/** Reads and checks the shape of a licensed-texts file; the server checks items against the instrument. */
function parseTextsFile(raw: string): LoadTextsInput | null {
  try {
    const data = JSON.parse(raw) as Partial<LoadTextsInput>;
    if (typeof data.language !== 'string' || typeof data.version !== 'string' || !Array.isArray(data.items)) return null;
    if (!data.items.every((x) => x && typeof x.number === 'number' && typeof x.text === 'string')) return null;
    return {
      language: data.language,
      version: data.version,
      items: data.items.map((x) => ({ number: x.number, text: x.text, ...(Array.isArray(x.options) ? { options: x.options } : {}) })),
    };
  } catch {
    return null;
  }
}

function TextsForm({ instrument: i }: { instrument: Instrument }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const notice = useNotice();
  const form = useFormErrors(`texts-${i.id}`, TEXT_FIELDS);
  usePageSummary(form);
  const [parsed, setParsed] = useState<LoadTextsInput | null>(null);
  const [fileName, setFileName] = useState('');
  const mutation = useMutation({
    mutationFn: (body: LoadTextsInput) => loadTexts(i.id, body),
    onSuccess: (_, body) => {
      void queryClient.invalidateQueries({ queryKey: ['instruments'] });
      form.clear();
      notice.success(t('instrumentAdmin.textsLoaded', { count: body.items.length, language: languageName(body.language), version: body.version }));
    },
    onError: (err) => notice.fail(err, form),
  });
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setFileName(file?.name ?? '');
    setParsed(file ? parseTextsFile(await file.text()) : null);
    form.clear();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const error = !fileName ? t('instrumentAdmin.fileRequired') : !parsed ? t('instrumentAdmin.fileInvalid') : '';
    if (form.fail({ file: error }) || !parsed) return;
    mutation.mutate(parsed);
  };
  return (
    <form onSubmit={submit} noValidate className="spire-inline-form">
      <h3 className="h4 mt-0">{t('instrumentAdmin.textsHeading')}</h3>
      {notice.node}
      <p>{t('instrumentAdmin.licenceText')}</p>
      <FormField id={form.id('file')} label={t('instrumentAdmin.file')} hint={t('instrumentAdmin.fileHint', { count: i.items.length })} error={form.errors.file}>
        {(aria) => <input {...aria} type="file" accept="application/json,.json" className="form-file-input" name={aria.id} onChange={(e) => void onFile(e)} />}
      </FormField>
      {parsed ? <p className="form-hint">{t('instrumentAdmin.fileSummary', { count: parsed.items.length, language: languageName(parsed.language), version: parsed.version })}</p> : null}
      <div className="spire-actions mt-6">
        <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('instrumentAdmin.loadTexts')}
        </button>
      </div>
    </form>
  );
}
