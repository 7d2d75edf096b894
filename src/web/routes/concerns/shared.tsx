import { useTranslation } from 'react-i18next';
import type { SparringStatus } from '../../api/concerns';
import type { Me, UnitKind } from '../../api/types';
import { Badge } from '../../components/Badge';

/** Units whose staff raise concerns and ask for sparring: daycare, school and health visiting. */
const SPARRING_KINDS: UnitKind[] = ['childminding', 'nursery', 'kindergarten', 'integrated_daycare', 'school', 'after_school', 'club', 'health_visiting'];

/** Whether the user gets the "Sparring" screen: social workers (their queue) and staff of daycare, school and health units (their requests). */
export function seesSparring(user: Me | null): boolean {
  if (!user) return false;
  return user.profession === 'social_worker' || user.units.some((u) => SPARRING_KINDS.includes(u.kind));
}

/** A request's status as a DKFDS badge. */
export function SparringStatusBadge({ status }: { status: SparringStatus }) {
  const { t } = useTranslation();
  const variant = status === 'waiting' ? 'warning' : status === 'taken' ? 'info' : 'success';
  return <Badge variant={variant}>{t(`concerns.status.${status}`)}</Badge>;
}
