import { useCallback, useMemo, useState } from 'react';
import { ApiError } from './api/client';

/** Field errors keyed by the request's JSON key (`name`, `districtId`, or nested `guardians.0.cpr`). */
export type FieldErrors = Record<string, string>;

/** One line in the error summary; `targetId` is the id of the field to focus (if any). */
export interface SummaryItem {
  targetId?: string;
  message: string;
}

export interface FormErrors {
  /** Field errors to show next to the fields. */
  errors: FieldErrors;
  /** Items for the error summary, in the order the fields appear. */
  summary: SummaryItem[];
  /** Changes on every failed submit, so the summary is shown and focused every time. */
  attempt: number;
  /** The DOM id for a field of this form. */
  id: (field: string) => string;
  /** Show client-side errors; returns true when there were any (so the submit should stop). */
  fail: (errors: FieldErrors) => boolean;
  /**
   * Show a server validation error (problem+json `errors[]`) on the fields and in the summary.
   * Returns false when the error has no field errors — show it as an alert instead.
   */
  failFromApi: (error: unknown) => boolean;
  clear: () => void;
}

/** A page-wide counter, so the most recently failed form on a page can be found. */
let attempts = 0;
const nextAttempt = () => ++attempts;

/**
 * Error state for one DKFDS form: field messages plus the error summary above the H1.
 *
 * @example
 *   const form = useFormErrors('unit', ['name', 'kind', 'districtId']);
 *   if (form.fail(validate(values))) return;
 *   try { await save() } catch (e) { if (!form.failFromApi(e)) setAlert(e) }
 */
export function useFormErrors(formId: string, fieldOrder: readonly string[]): FormErrors {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [extra, setExtra] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);

  const id = useCallback((field: string) => `${formId}-${field}`, [formId]);

  const fail = useCallback((next: FieldErrors) => {
    const present = Object.fromEntries(Object.entries(next).filter(([, v]) => Boolean(v)));
    setErrors(present);
    setExtra([]);
    if (Object.keys(present).length === 0) return false;
    setAttempt(nextAttempt());
    return true;
  }, []);

  const failFromApi = useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError) || error.errors.length === 0) return false;
      const fields: FieldErrors = {};
      const other: string[] = [];
      // A problem that is not a plain validation failure (e.g. 409 staff.username_taken) says what is
      // wrong in its title; use that when it points at a single field.
      const useTitle = error.code !== 'validation.failed' && error.errors.length === 1 && Boolean(error.title);
      for (const e of error.errors) {
        // Nested fields (`guardians.0.cpr`) map to their own control when the form lists them, else to the top key.
        const path = e.field ?? '';
        const field = fieldOrder.includes(path) ? path : (path.split('.')[0] ?? '');
        const message = useTitle ? error.title : e.message;
        if (fieldOrder.includes(field)) {
          if (!fields[field]) fields[field] = message;
        } else {
          other.push(message);
        }
      }
      setErrors(fields);
      setExtra(other);
      setAttempt(nextAttempt());
      return true;
    },
    [fieldOrder],
  );

  const clear = useCallback(() => {
    setErrors({});
    setExtra([]);
  }, []);

  const summary = useMemo<SummaryItem[]>(() => {
    const items: SummaryItem[] = fieldOrder
      .filter((f) => errors[f])
      .map((f) => ({ targetId: id(f), message: errors[f] }));
    for (const message of extra) items.push({ message });
    return items;
  }, [errors, extra, fieldOrder, id]);

  return { errors, summary, attempt, id, fail, failFromApi, clear };
}

/** The latest failed form on a page with several forms (its summary goes above the H1). */
export function latestSummary(...forms: FormErrors[]): { items: SummaryItem[]; key: string } {
  let best: FormErrors | undefined;
  for (const f of forms) {
    if (f.summary.length > 0 && (!best || f.attempt > best.attempt)) best = f;
  }
  return best ? { items: best.summary, key: `${best.id('')}${best.attempt}` } : { items: [], key: '' };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmail = (s: string) => EMAIL.test(s.trim());

/** Danish phone numbers: 8 digits, spaces allowed, optional +45. */
export const isDanishPhone = (s: string) => /^(\+45)?\d{8}$/.test(s.replace(/[\s-]/g, ''));
