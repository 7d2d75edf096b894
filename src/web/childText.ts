import type { TFunction } from 'i18next';
import type { Me, UnitKind } from './api/types';
import { formatDate } from './format';
import i18n from './i18n';

/** Unit kinds whose staff work with children (the registry's "Børn" is for them). */
export const CHILD_UNIT_KINDS: UnitKind[] = [
  'health_visiting',
  'childminding',
  'nursery',
  'kindergarten',
  'integrated_daycare',
  'school',
  'after_school',
  'club',
];
/** Units a child can be enrolled in (dagtilbud og skole). */
export const ENROLMENT_UNIT_KINDS: UnitKind[] = CHILD_UNIT_KINDS.filter((k) => k !== 'health_visiting');

/** The user works in a health-visiting unit: may register children and sees health information. */
export const isHealthStaff = (me: Me) => me.units.some((u) => u.kind === 'health_visiting');
/** The user works with children in some unit: gets "Børn" in the navigation. */
export const seesChildren = (me: Me) => me.units.some((u) => CHILD_UNIT_KINDS.includes(u.kind));

interface Nameable {
  status: 'expected' | 'born';
  firstName: string | null;
  lastName: string | null;
  expectedDate: string | null;
}

/**
 * A child's name in the user's language: the name, or for an expected child
 * "Forventet barn (termin 17.04.2027) – Larsen" (the server sends this in Danish only). `withoutDate`
 * leaves the date out where it is shown next to the name anyway (the list's "Født / termin").
 */
export function childName(child: Nameable, t: TFunction, options: { withoutDate?: boolean } = {}): string {
  const name = [child.firstName, child.lastName].filter(Boolean).join(' ');
  if (child.status === 'expected') {
    const base =
      child.expectedDate && !options.withoutDate
        ? t('child.expectedWithDate', { date: formatDate(child.expectedDate) })
        : t('child.expected');
    return name ? `${base} – ${name}` : base;
  }
  return name || t('child.noName');
}

/** A planned contact's label in the user's language. */
export const contactLabel = (c: { labelDa: string; labelEn: string }) => (i18n.language === 'en' ? c.labelEn : c.labelDa);

/** Age for people: "3 uger"-free, months under 2 years, then years and months. */
export function ageText(months: number | null, t: TFunction): string {
  if (months === null) return '';
  if (months < 24) return t('child.ageMonths', { count: months });
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest === 0 ? t('child.ageYears', { count: years }) : t('child.ageYearsMonths', { years, count: rest });
}
