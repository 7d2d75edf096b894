import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { FormErrors, SummaryItem } from '../forms';

type Publish = (formId: string, items: SummaryItem[], attempt: number) => void;
const SummaryContext = createContext<Publish | null>(null);

/**
 * One DKFDS error summary above the H1 for a page with several forms in different parts
 * (tabs, sections): each form publishes its summary with {@link usePageSummary}, and the host
 * shows the most recently failed one.
 *
 * @example
 *   const host = useSummaryHost();
 *   <PageSummaryProvider value={host.publish}>
 *     <ErrorSummary items={host.items} focusKey={host.focusKey} /><h1>…</h1><SomeForm />
 *   </PageSummaryProvider>
 */
export function useSummaryHost() {
  const [forms, setForms] = useState<Record<string, { items: SummaryItem[]; attempt: number }>>({});
  const publish = useCallback<Publish>((formId, items, attempt) => {
    setForms((all) => {
      const old = all[formId];
      if (old && old.attempt === attempt && (old.items === items || (old.items.length === 0 && items.length === 0))) return all;
      if (!old && items.length === 0) return all;
      return { ...all, [formId]: { items, attempt } };
    });
  }, []);
  const latest = useMemo(() => {
    let best: { id: string; items: SummaryItem[]; attempt: number } | null = null;
    for (const [id, f] of Object.entries(forms)) {
      if (f.items.length > 0 && (!best || f.attempt > best.attempt)) best = { id, ...f };
    }
    return best;
  }, [forms]);
  return { publish, items: latest?.items ?? [], focusKey: latest ? `${latest.id}${latest.attempt}` : '' };
}

/** Where the forms of a page publish their summaries (the value is the host's `publish`). */
export const PageSummaryProvider = SummaryContext.Provider;

/**
 * Publishes a form's error summary to the page's {@link useSummaryHost} (and clears it on unmount).
 * The form's field list must be a constant, so that its summary keeps its identity between renders.
 */
export function usePageSummary(form: FormErrors) {
  const publish = useContext(SummaryContext);
  const formId = form.id('');
  useEffect(() => {
    publish?.(formId, form.summary, form.attempt);
  }, [publish, formId, form.summary, form.attempt]);
  useEffect(() => () => publish?.(formId, [], 0), [publish, formId]);
}
