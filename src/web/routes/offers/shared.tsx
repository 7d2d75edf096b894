import { useTranslation } from 'react-i18next';
import type { Offer, ParticipantState } from '../../api/offers';
import { Badge } from '../../components/Badge';
import './offers.css';

const STATE_VARIANT: Record<ParticipantState, 'info' | 'success' | 'warning' | 'error' | undefined> = {
  waiting: 'warning',
  offered: 'info',
  enrolled: 'success',
  completed: 'success',
  not_completed: 'error',
  dropped_out: 'error',
  declined: undefined,
};

/** A family's state in a course as a badge ("På venteliste", "Optaget", …), with the waiting position. */
export function StateBadge({ state, position }: { state: ParticipantState; position?: number | null }) {
  const { t } = useTranslation();
  const label = state === 'waiting' && position ? t('offers.state.waitingAt', { position }) : t(`offers.state.${state}`);
  return <Badge variant={STATE_VARIANT[state]}>{label}</Badge>;
}

/** "6 mdr.–6 år · Alle familier" for an offer's target group. */
export function useTargetGroup(): (offer: Pick<Offer, 'ageFromMonths' | 'ageToMonths' | 'audience'>) => string {
  const { t } = useTranslation();
  const age = (months: number) =>
    months === 0 ? '0' : months % 12 === 0 ? t('offers.age.years', { count: months / 12 }) : t('offers.age.months', { count: months });
  return (offer) => {
    const parts: string[] = [];
    if (offer.ageFromMonths != null && offer.ageToMonths != null) parts.push(`${age(offer.ageFromMonths)}–${age(offer.ageToMonths)}`);
    else if (offer.ageFromMonths != null) parts.push(t('offers.age.from', { age: age(offer.ageFromMonths) }));
    else if (offer.ageToMonths != null) parts.push(t('offers.age.to', { age: age(offer.ageToMonths) }));
    parts.push(t(`offers.audience.${offer.audience}`));
    return parts.join(' · ');
  };
}

/** The label of a method key, or the key itself for methods the UI does not know. */
export function useMethodLabel(): (method: string) => string {
  const { t } = useTranslation();
  return (method) => t(`offers.method.${method}`, { defaultValue: method });
}

/** The label of a certification kind. */
export function useCertificationLabel(): (kind: string | null) => string {
  const { t } = useTranslation();
  return (kind) => (kind ? t(`certificationKind.${kind}`, { defaultValue: kind }) : t('offers.noCertification'));
}

/** Whether the user's profession works with offers at all (staff in units; the header shows "Tilbud"). */
export const COURSE_FORMATS = ['group_course', 'individual_course'] as const;

/** Percent text for a share 0–1. */
export function percent(share: number | null, locale: string): string {
  if (share === null) return '–';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
