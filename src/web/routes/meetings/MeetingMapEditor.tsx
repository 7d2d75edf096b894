import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ComponentProps, type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { type Meeting, type MeetingMapContent, meetingKeys, saveMap } from '../../api/meetings';
import { Alert } from '../../components/Alert';
import { ConflictAlert } from '../../components/ConflictAlert';
import { TextAreaField } from '../../components/FormField';
import { usePageSummary } from '../../components/PageSummary';
import { formatDateTime } from '../../format';
import { useFormErrors } from '../../forms';

type ListKey = 'harm' | 'complicating' | 'strengths' | 'existingSafety';
const MAX_PAIRS = 10;
/** Field names the server may name, for the error summary (pairs up to the server's maximum). */
const MAP_FIELDS = [
  'harm',
  ...Array.from({ length: MAX_PAIRS }, (_, i) => [`dangers.${i}.statement`, `dangers.${i}.goal`]).flat(),
  'dangers',
  'complicating',
  'strengths',
  'existingSafety',
  'childPerspective',
] as const;

/**
 * The Signs of Safety map as three columns — "Hvad er vi bekymrede for?" (harm, danger
 * statements each with exactly one goal, complicating factors), "Hvad fungerer godt?" (strengths,
 * existing safety) and "Hvad skal der ske?" (the goals, next steps below) — saved as one
 * document with the version read; a colleague's newer save gives 409 and a reload.
 */
export function MeetingMapEditor({ meeting, onReload }: { meeting: Meeting; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors('map', MAP_FIELDS);
  usePageSummary(form);
  const editable = meeting.mayEdit;
  const [draft, setDraft] = useState<MeetingMapContent>(() => contentOf(meeting));
  const [version, setVersion] = useState(meeting.map.version);
  // After a conflict the user asks for the newest version: then (and only then) the draft is replaced.
  const reloading = useRef(false);
  useEffect(() => {
    if (reloading.current && meeting.map.version !== version) {
      reloading.current = false;
      setDraft(contentOf(meeting));
      setVersion(meeting.map.version);
      mutation.reset();
    }
  });
  const [saved, setSaved] = useState(0);
  const w = meeting.wording;

  const mutation = useMutation({
    mutationFn: () =>
      saveMap(meeting.id, {
        version,
        harm: clean(draft.harm),
        dangers: draft.dangers.filter((d) => d.statement.trim() || d.goal.trim()),
        complicating: clean(draft.complicating),
        strengths: clean(draft.strengths),
        existingSafety: clean(draft.existingSafety),
        childPerspective: draft.childPerspective?.trim() || null,
      }),
    onSuccess: (map) => {
      setVersion(map.version);
      setSaved(Date.now());
      form.clear();
      void queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meeting.id) });
    },
    onError: (err) => form.failFromApi(err),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    setSaved(0);
    // Every danger statement needs exactly one goal (rule G1): checked here too, field by field.
    const errors: Record<string, string> = {};
    draft.dangers.forEach((d, i) => {
      if (d.statement.trim() && !d.goal.trim()) errors[`dangers.${i}.goal`] = t('meetings.map.goalMissing');
      if (!d.statement.trim() && d.goal.trim()) errors[`dangers.${i}.statement`] = t('meetings.map.statementMissing');
    });
    if (form.fail(errors)) return;
    mutation.mutate();
  };

  const setList = (key: ListKey, items: string[]) => setDraft((d) => ({ ...d, [key]: items }));
  const err = mutation.error instanceof ApiError ? mutation.error : null;
  const conflict = err?.status === 409;

  const lists = useMemo(
    () => ({
      harm: { label: t('meetings.map.harm'), hint: t('meetings.map.harmHint') },
      complicating: { label: t('meetings.map.complicating') },
      strengths: { label: t('meetings.map.strengths') },
      existingSafety: { label: w === 'wellbeing' ? t('meetings.map.existingWellbeing') : t('meetings.map.existingSafety') },
    }),
    [t, w],
  );

  const list = (key: ListKey) => (
    <ListEditor id={`map-${key}`} label={lists[key].label} hint={'hint' in lists[key] ? (lists[key] as { hint: string }).hint : undefined} items={draft[key]} onChange={(items) => setList(key, items)} editable={editable} error={form.errors[key]} />
  );

  return (
    <section aria-labelledby="map-heading" className="mb-8">
      <h2 id="map-heading">{t('meetings.map.heading')}</h2>
      <p>{t('meetings.map.intro')}</p>
      {meeting.map.updatedBy ? <p className="form-hint">{t('meetings.map.lastSaved', { when: formatDateTime(meeting.map.updatedAt), name: meeting.map.updatedBy.name })}</p> : null}
      {saved ? (
        <Alert variant="success" announce focusKey={saved}>
          {t('meetings.map.saved')}
        </Alert>
      ) : null}
      {conflict ? (
        <ConflictAlert
          text={t('meetings.page.conflict')}
          reloadLabel={t('meetings.page.reload')}
          headingLevel={3}
          focusKey={mutation.submittedAt}
          onReload={() => {
            reloading.current = true;
            onReload();
          }}
        />
      ) : null}
      {err && !conflict && err.errors.length === 0 ? <Alert variant="error" heading={err.title} headingLevel={3} focusKey={mutation.submittedAt}>{null}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <div className="spire-map-columns">
          <div className="spire-map-column">
            <h3>{t('meetings.map.worried')}</h3>
            {list('harm')}
            <fieldset className="mt-5">
              <legend className="form-label">{t(`meetings.map.dangers.${w}`)}</legend>
              {draft.dangers.length === 0 && !editable ? <p>{t('meetings.map.none')}</p> : null}
              {draft.dangers.map((pair, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: statements have no identity of their own
                <div className="spire-map-pair" key={i}>
                  <MapText
                    editable={editable}
                    id={form.id(`dangers.${i}.statement`)}
                    label={t(`meetings.map.statement.${w}`, { n: i + 1 })}
                    hint={i === 0 ? t('meetings.map.statementHint') : undefined}
                    value={pair.statement}
                    onChange={(v) => setDraft((d) => ({ ...d, dangers: d.dangers.map((x, j) => (j === i ? { ...x, statement: v } : x)) }))}
                    error={form.errors[`dangers.${i}.statement`]}
                    rows={3}
                  />
                  {editable ? (
                    <button type="button" className="button button-tertiary" onClick={() => setDraft((d) => ({ ...d, dangers: d.dangers.filter((_, j) => j !== i) }))}>
                      {t('meetings.map.removePair', { n: i + 1 })}
                    </button>
                  ) : null}
                </div>
              ))}
              {editable && draft.dangers.length < MAX_PAIRS ? (
                <button type="button" className="button button-secondary" onClick={() => setDraft((d) => ({ ...d, dangers: [...d.dangers, { statement: '', goal: '' }] }))}>
                  {t('meetings.map.addPair')}
                </button>
              ) : null}
            </fieldset>
            {list('complicating')}
          </div>
          <div className="spire-map-column">
            <h3>{t('meetings.map.working')}</h3>
            {list('strengths')}
            {list('existingSafety')}
          </div>
          <div className="spire-map-column">
            <h3>{t('meetings.map.needs')}</h3>
            {draft.dangers.length === 0 ? <p>{t('meetings.map.none')}</p> : null}
            {draft.dangers.map((pair, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: goals pair with statements by position
              <div className="spire-map-pair" key={i}>
                <MapText
                    editable={editable}
                  id={form.id(`dangers.${i}.goal`)}
                  label={t(`meetings.map.goal.${w}`, { n: i + 1 })}
                  hint={i === 0 ? t('meetings.map.goalHint') : undefined}
                  value={pair.goal}
                  onChange={(v) => setDraft((d) => ({ ...d, dangers: d.dangers.map((x, j) => (j === i ? { ...x, goal: v } : x)) }))}
                  error={form.errors[`dangers.${i}.goal`]}
                  rows={3}
                />
              </div>
            ))}
            <p className="form-hint">{t('meetings.map.nextStepsHint')}</p>
          </div>
        </div>
        <MapText
                    editable={editable}
          id={form.id('childPerspective')}
          label={t('meetings.map.childPerspective')}
          hint={t('meetings.map.childPerspectiveHint')}
          value={draft.childPerspective ?? ''}
          onChange={(v) => setDraft((d) => ({ ...d, childPerspective: v }))}
          error={form.errors.childPerspective}
          rows={3}
          wide
        />
        {editable ? (
          <button type="submit" className="button button-primary mt-5" disabled={mutation.isPending}>
            {mutation.isPending ? t('common.saving') : t('meetings.map.save')}
          </button>
        ) : null}
      </form>
    </section>
  );
}

/** The map's content as the editor holds it. */
const contentOf = (meeting: Meeting): MeetingMapContent => ({
  harm: meeting.map.harm,
  dangers: meeting.map.dangers,
  complicating: meeting.map.complicating,
  strengths: meeting.map.strengths,
  existingSafety: meeting.map.existingSafety,
  childPerspective: meeting.map.childPerspective,
});

const clean = (items: string[]) => items.map((s) => s.trim()).filter(Boolean);

/** A list of short texts: one text area per item, with add and remove buttons. */
function ListEditor({
  id,
  label,
  hint,
  items,
  onChange,
  editable,
  error,
}: {
  id: string;
  label: string;
  hint?: string;
  items: string[];
  onChange: (items: string[]) => void;
  editable: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="mt-5" id={id}>
      <legend className="form-label">{label}</legend>
      {hint ? <span className="form-hint">{hint}</span> : null}
      {error ? <span className="form-error-message">{error}</span> : null}
      {items.length === 0 && !editable ? <p>{t('meetings.map.none')}</p> : null}
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity of their own
        <div className="spire-map-item" key={i}>
          <MapText editable={editable} id={`${id}-${i}`} label={t('meetings.map.item', { list: label, n: i + 1 })} value={item} onChange={(v) => onChange(items.map((x, j) => (j === i ? v : x)))} rows={2} />
          {editable ? (
            <button type="button" className="button button-tertiary" onClick={() => onChange(items.filter((_, j) => j !== i))}>
              {t('meetings.map.removeItem', { n: i + 1 })}
            </button>
          ) : null}
        </div>
      ))}
      {editable ? (
        <button type="button" className="button button-secondary mt-3" onClick={() => onChange([...items, ''])}>
          {t('meetings.map.addItem')}
          <span className="sr-only">: {label}</span>
        </button>
      ) : null}
    </fieldset>
  );
}

/**
 * A text of the map: a text area for co-authors; for readers (the facilitator's unit, or anyone
 * once the meeting is closed) the label and the text, so nothing looks editable that is not.
 */
function MapText({ editable, ...field }: ComponentProps<typeof TextAreaField> & { editable: boolean }) {
  const { t } = useTranslation();
  if (editable) return <TextAreaField {...field} />;
  return (
    <div className="form-group">
      <p className="form-label">{field.label}</p>
      <p style={{ whiteSpace: 'pre-wrap' }}>
        {field.value.trim() ? field.value : t('meetings.map.none')}
      </p>
    </div>
  );
}
