import { useEffect } from 'react';

/**
 * Sets `document.title` to "<title> – Spire" (WCAG 2.4.2). Never put a CPR number in a title.
 *
 * @example <PageTitle title="Min dag" />
 */
export function PageTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = title ? `${title} – Spire` : 'Spire';
  }, [title]);
  return null;
}
