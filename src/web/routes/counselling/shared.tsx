import { useTranslation } from 'react-i18next';
import { COUNSELLING_UNIT_KINDS, type Slot } from '../../api/counselling';
import type { Me } from '../../api/types';
import { danishDateOf, danishTimeOf, formatDate, formatTime } from '../../format';

/** Path of a slot's page. */
export const slotPath = (id: string) => `/aaben-raadgivning/${encodeURIComponent(id)}`;

/** "24.11.2026 kl. 13.00–15.00" for a slot. */
export function useSlotTime() {
  useTranslation(); // re-render on language change
  return (slot: Pick<Slot, 'startsAt' | 'endsAt'>) =>
    `${formatDate(danishDateOf(slot.startsAt))} ${formatTime(danishTimeOf(slot.startsAt))}–${danishTimeOf(slot.endsAt).replace(':', '.')}`;
}

/** Staff of PPR, the family centre and health visiting, who run open counselling, workshops and talks. */
export const runsCounselling = (user: Me) => user.units.some((u) => COUNSELLING_UNIT_KINDS.includes(u.kind));
