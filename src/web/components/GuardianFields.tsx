import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { parseCpr } from '../../domain/cpr';
import { RELATION_KINDS, type GuardianInput, type RelationKind } from '../api/types';
import { type FieldErrors, type FormErrors, isEmail } from '../forms';
import { languageName } from '../format';
import { CheckboxField, SelectField, TextField } from './FormField';

/** What the form holds for one parent or other adult (strings as typed). */
export interface GuardianDraft {
  firstName: string;
  lastName: string;
  cpr: string;
  relation: RelationKind | '';
  custody: boolean;
  livesWithChild: boolean;
  phone: string;
  email: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
}

export const emptyGuardian = (relation: RelationKind | '' = ''): GuardianDraft => ({
  firstName: '',
  lastName: '',
  cpr: '',
  relation,
  custody: true,
  livesWithChild: true,
  phone: '',
  email: '',
  preferredLanguage: 'da',
  interpreterNeeded: false,
});

/** Nothing typed yet (an optional second parent left empty is not sent). */
export const isBlankGuardian = (g: GuardianDraft) =>
  !g.firstName.trim() && !g.lastName.trim() && !g.cpr.trim() && !g.phone.trim() && !g.email.trim();

/** Languages parents in a Danish municipality often prefer; shown with their names in the UI language. */
export const LANGUAGE_CODES = ['da', 'en', 'ar', 'so', 'tr', 'ur', 'fa', 'ps', 'ku', 'ti', 'uk', 'pl', 'ro', 'lt', 'de', 'es', 'fr', 'vi', 'th', 'tl'];

export function languageOptions(current?: string) {
  const codes = current && !LANGUAGE_CODES.includes(current) ? [...LANGUAGE_CODES, current] : LANGUAGE_CODES;
  const [first, ...rest] = codes;
  return [first, ...rest.sort((a, b) => languageName(a).localeCompare(languageName(b)))].map((c) => ({
    value: c,
    label: languageName(c),
  }));
}

/** At least 8 digits; spaces, dashes and a leading + are fine (foreign numbers too). */
export const isPhone = (s: string) => /^\+?[\d\s-]+$/.test(s.trim()) && s.replace(/\D/g, '').length >= 8;

/** Client-side checks for one adult; keys are `${prefix}field`. */
export function validateGuardian(g: GuardianDraft, prefix: string, t: TFunction, who: string): FieldErrors {
  const cpr = g.cpr.trim();
  return {
    [`${prefix}firstName`]: g.firstName.trim() ? '' : t('guardian.firstNameRequired', { who }),
    [`${prefix}lastName`]: g.lastName.trim() ? '' : t('guardian.lastNameRequired', { who }),
    [`${prefix}cpr`]: cpr && !parseCpr(cpr).ok ? t('guardian.cprInvalid', { who }) : '',
    [`${prefix}relation`]: g.relation ? '' : t('guardian.relationRequired', { who }),
    [`${prefix}phone`]: g.phone.trim() && !isPhone(g.phone) ? t('guardian.phoneInvalid', { who }) : '',
    [`${prefix}email`]: g.email.trim() && !isEmail(g.email) ? t('guardian.emailInvalid', { who }) : '',
  };
}

/** The API body for one adult. */
export function guardianInput(g: GuardianDraft): GuardianInput {
  return {
    firstName: g.firstName.trim(),
    lastName: g.lastName.trim(),
    cpr: g.cpr.trim() || null,
    relation: g.relation as RelationKind,
    custody: g.custody,
    livesWithChild: g.livesWithChild,
    phone: g.phone.trim() || null,
    email: g.email.trim() || null,
    preferredLanguage: g.preferredLanguage || 'da',
    interpreterNeeded: g.interpreterNeeded,
  };
}

export const GUARDIAN_FIELDS = ['firstName', 'lastName', 'cpr', 'relation', 'phone', 'email', 'preferredLanguage'] as const;

/**
 * The fields for one parent or other adult, in a fieldset with a legend. Field ids are
 * `form.id(prefix + field)`, so server errors like `guardians.1.cpr` land on the right field.
 */
export function GuardianFields({
  legend,
  value,
  onChange,
  form,
  prefix,
  expected,
  relations = RELATION_KINDS,
}: {
  legend: string;
  value: GuardianDraft;
  onChange: (next: GuardianDraft) => void;
  form: FormErrors;
  prefix: string;
  /** Before the birth: "vordende forælder", custody and living together are about after the birth. */
  expected?: boolean;
  relations?: readonly RelationKind[];
}) {
  const { t } = useTranslation();
  const set =
    <K extends keyof GuardianDraft>(key: K) =>
    (v: GuardianDraft[K]) =>
      onChange({ ...value, [key]: v });
  const id = (field: string) => form.id(`${prefix}${field}`);
  const error = (field: string) => form.errors[`${prefix}${field}`];
  return (
    <fieldset className="spire-fieldset">
      <legend className="h3">{legend}</legend>
      <div className="spire-inline-fields">
        <TextField id={id('firstName')} label={t('guardian.firstName')} value={value.firstName} onChange={set('firstName')} error={error('firstName')} autoComplete="off" required />
        <TextField id={id('lastName')} label={t('guardian.lastName')} value={value.lastName} onChange={set('lastName')} error={error('lastName')} autoComplete="off" required />
      </div>
      <TextField
        id={id('cpr')}
        label={t('guardian.cpr')}
        hint={t('child.cprHint')}
        value={value.cpr}
        onChange={set('cpr')}
        error={error('cpr')}
        autoComplete="off"
        inputMode="numeric"
        spellCheck={false}
        width="s"
        optional
      />
      <SelectField
        id={id('relation')}
        label={t('guardian.relation')}
        value={value.relation}
        onChange={(v) => set('relation')(v as RelationKind)}
        placeholder={t('guardian.chooseRelation')}
        options={relations.map((r) => ({ value: r, label: t(`relation.${r}`) }))}
        error={error('relation')}
        required
      />
      <div className="form-group">
        <CheckboxField
          id={id('custody')}
          label={t('guardian.custody')}
          hint={expected ? t('guardian.custodyHintExpected') : undefined}
          checked={value.custody}
          onChange={set('custody')}
        />
        <CheckboxField
          id={id('livesWithChild')}
          label={expected ? t('guardian.livesWithChildExpected') : t('guardian.livesWithChild')}
          checked={value.livesWithChild}
          onChange={set('livesWithChild')}
        />
      </div>
      <div className="spire-inline-fields">
        <TextField
          id={id('phone')}
          type="tel"
          label={t('guardian.phone')}
          hint={t('guardian.phoneHint')}
          value={value.phone}
          onChange={set('phone')}
          error={error('phone')}
          autoComplete="off"
          inputMode="tel"
          width="m"
          optional
        />
        <TextField
          id={id('email')}
          type="email"
          label={t('guardian.email')}
          value={value.email}
          onChange={set('email')}
          error={error('email')}
          autoComplete="off"
          spellCheck={false}
          optional
        />
      </div>
      <SelectField
        id={id('preferredLanguage')}
        label={t('guardian.language')}
        value={value.preferredLanguage}
        onChange={set('preferredLanguage')}
        options={languageOptions(value.preferredLanguage)}
        error={error('preferredLanguage')}
      />
      <div className="form-group">
        <CheckboxField
          id={id('interpreterNeeded')}
          label={t('guardian.interpreter')}
          checked={value.interpreterNeeded}
          onChange={set('interpreterNeeded')}
        />
      </div>
    </fieldset>
  );
}
