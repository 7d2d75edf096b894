import { useQuery } from '@tanstack/react-query';
import { getVisitTemplates, templateKeys } from './api/programme';
import { contactLabel } from './childText';

/** Names of the programme's contacts by key (`establishing` → "Etableringsbesøg (første uge)"), in the user's language. */
export function useTemplateLabels(): Map<string, string> {
  const templates = useQuery({ queryKey: templateKeys.all, queryFn: getVisitTemplates, staleTime: 10 * 60_000 });
  return new Map((templates.data ?? []).map((t) => [t.key, contactLabel(t)]));
}
