import { useTranslation } from 'react-i18next';
import type { LegalBasis } from '../../api/meetings';
import type { Me } from '../../api/types';
import { Badge } from '../../components/Badge';
import './meetings.css';

/** Daycare kinds where a pedagogue or manager may hold an extra meeting with the parents. */
export const MEETING_DAYCARE_KINDS = ['childminding', 'nursery', 'kindergarten', 'integrated_daycare'];

/** Social workers set up cross-professional meetings; daycare pedagogues and managers extra meetings with the parents. */
export function maySetUpMeetings(me: Me | null): boolean {
  if (!me || me.units.length === 0) return false;
  if (me.profession === 'social_worker') return true;
  return (me.profession === 'pedagogue' || me.profession === 'manager') && me.units.some((u) => MEETING_DAYCARE_KINDS.includes(u.kind));
}

/** Staff who take part in meetings and get "Møder" in the navigation: anyone in a unit, except administrators and analysts. */
export function seesMeetings(me: Me | null): boolean {
  return !!me && me.units.length > 0 && me.profession !== 'administrator' && me.profession !== 'analyst';
}

/** The legal basis as a badge with text (consent: info, SSD: warning). */
export function BasisBadge({ basis }: { basis: LegalBasis }) {
  const { t } = useTranslation();
  return <Badge variant={basis === 'ssd' ? 'warning' : 'info'}>{t(`meetings.basis.${basis}`)}</Badge>;
}
