import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { type Conversation, concernKeys, createConversation, getChildConversations } from '../../api/concerns';
import { Alert } from '../../components/Alert';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { TextAreaField, TextField } from '../../components/FormField';
import { usePageSummary } from '../../components/PageSummary';
import { Spinner } from '../../components/Spinner';
import { formatDate, todayIso } from '../../format';
import { useFormErrors } from '../../forms';

const FIELDS = ['heldOn', 'parentsAgreed', 'agreementHow', 'agreementOn', 'notes', 'nextStep'] as const;

/** A table of wellbeing conversations (trivselssamtaler). */
export function ConversationTable({ items, withChild }: { items: Conversation[]; withChild?: boolean }) {
  const { t } = useTranslation();
  return (
    <DataTable<Conversation>
      caption={t('concerns.conversations.listCaption')}
      rows={items}
      rowKey={(c) => c.id}
      columns={[
        { key: 'date', header: t('concerns.conversations.col.date'), rowHeader: !withChild, render: (c) => formatDate(c.heldOn) },
        ...(withChild ? [{ key: 'child', header: t('concerns.conversations.col.child'), rowHeader: true, render: (c: Conversation) => c.child.name }] : []),
        { key: 'notes', header: t('concerns.conversations.col.notes'), render: (c) => <span className="spire-prewrap">{c.notes}</span> },
        { key: 'next', header: t('concerns.conversations.col.nextStep'), render: (c) => c.nextStep ?? t('common.none') },
        { key: 'agreement', header: t('concerns.conversations.col.agreement'), render: (c) => t('concerns.conversations.agreementText', { how: c.agreementHow, date: formatDate(c.agreementOn) }) },
        { key: 'by', header: t('concerns.conversations.col.by'), render: (c) => c.recordedBy.name },
      ]}
    />
  );
}

/** The child's wellbeing conversations and, for social workers, the form to record one. */
export function ChildConversations({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: concernKeys.childConversations(childId), queryFn: () => getChildConversations(childId), retry: false });
  const [creating, setCreating] = useState(false);
  const [saved, setSaved] = useState(0);
  if (query.isError && query.error instanceof ApiError && (query.error.status === 403 || query.error.status === 404)) return null;
  const data = query.data;
  return (
    <section aria-labelledby="conversations-heading" className="mt-8">
      <div className="spire-section-head">
        <h2 id="conversations-heading">{t('concerns.conversations.heading')}</h2>
        {data?.canCreate && !creating ? (
          <div className="spire-actions">
            <button type="button" className="button button-secondary" onClick={() => setCreating(true)}>
              {t('concerns.conversations.register')}
            </button>
          </div>
        ) : null}
      </div>
      <p>{t('concerns.conversations.intro')}</p>
      {saved ? (
        <Alert variant="success" announce focusKey={saved}>
          {t('concerns.conversations.saved')}
        </Alert>
      ) : null}
      {query.isPending ? <Spinner /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} headingLevel={3} /> : null}
      {creating ? (
        <ConversationForm
          childId={childId}
          onDone={() => {
            setCreating(false);
            setSaved(Date.now());
          }}
          onCancel={() => setCreating(false)}
        />
      ) : null}
      {data && data.items.length === 0 ? (
        <EmptyState title={t('concerns.conversations.empty')}>
          <p>{t('concerns.conversations.emptyText')}</p>
        </EmptyState>
      ) : null}
      {data && data.items.length > 0 ? <ConversationTable items={data.items} /> : null}
    </section>
  );
}

function ConversationForm({ childId, onDone, onCancel }: { childId: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors('conversation', FIELDS);
  usePageSummary(form);
  const [heldOn, setHeldOn] = useState(todayIso());
  const [agreed, setAgreed] = useState(false);
  const [how, setHow] = useState('');
  const [on, setOn] = useState('');
  const [notes, setNotes] = useState('');
  const [next, setNext] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      createConversation(childId, { heldOn, parentsAgreed: agreed, agreementHow: how.trim(), agreementOn: on, notes: notes.trim(), nextStep: next.trim() || null }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: concernKeys.conversations });
      onDone();
    },
    onError: (err) => {
      form.failFromApi(err);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    const failed = form.fail({
      heldOn: heldOn ? '' : t('concerns.conversations.heldOnRequired'),
      parentsAgreed: agreed ? '' : t('concerns.conversations.agreedRequired'),
      agreementHow: how.trim() ? '' : t('concerns.conversations.agreementHowRequired'),
      agreementOn: on ? '' : t('concerns.conversations.agreementOnRequired'),
      notes: notes.trim() ? '' : t('concerns.conversations.notesRequired'),
    });
    if (failed) return;
    mutation.mutate();
  };
  const err = mutation.error instanceof ApiError && mutation.error.errors.length === 0 ? mutation.error : null;
  const agreedId = form.id('parentsAgreed');
  return (
    <form onSubmit={submit} noValidate className="spire-form-panel mt-5" aria-labelledby="conversation-form-heading">
      <h3 id="conversation-form-heading">{t('concerns.conversations.formHeading')}</h3>
      {err ? (
        <Alert variant="error" heading={t('concerns.conversations.saveError')} headingLevel={4} focusKey={mutation.submittedAt}>
          {err.title}
        </Alert>
      ) : null}
      <TextField id={form.id('heldOn')} type="date" label={t('concerns.conversations.heldOn')} value={heldOn} onChange={setHeldOn} error={form.errors.heldOn} max={todayIso()} />
      <div className={`form-group${form.errors.parentsAgreed ? ' form-error' : ''}`}>
        {form.errors.parentsAgreed ? (
          <span className="form-error-message" id={`${agreedId}-error`}>
            <span className="sr-only">{t('common.errorPrefix')}</span>
            {form.errors.parentsAgreed}
          </span>
        ) : null}
        <div className="form-group-checkbox">
          <input
            type="checkbox"
            className="form-checkbox"
            id={agreedId}
            checked={agreed}
            onChange={(e) => setAgreed(e.target.checked)}
            aria-describedby={form.errors.parentsAgreed ? `${agreedId}-error` : undefined}
          />
          <label className="form-label" htmlFor={agreedId}>
            {t('concerns.conversations.agreed')}
          </label>
        </div>
      </div>
      <TextField id={form.id('agreementHow')} label={t('concerns.conversations.agreementHow')} value={how} onChange={setHow} error={form.errors.agreementHow} />
      <TextField id={form.id('agreementOn')} type="date" label={t('concerns.conversations.agreementOn')} value={on} onChange={setOn} error={form.errors.agreementOn} max={todayIso()} />
      <TextAreaField id={form.id('notes')} label={t('concerns.conversations.notes')} value={notes} onChange={setNotes} error={form.errors.notes} rows={5} maxLength={4000} />
      <TextField id={form.id('nextStep')} optional label={t('concerns.conversations.nextStep')} value={next} onChange={setNext} error={form.errors.nextStep} />
      <div className="spire-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('concerns.conversations.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
