import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addRelation, childKeys, updateRelation } from '../../api/children';
import { type ChildDetail, RELATION_KINDS, type Relation, type RelationKind } from '../../api/types';
import { Badge } from '../../components/Badge';
import { CprReveal } from '../../components/CprReveal';
import { EmptyState } from '../../components/EmptyState';
import { CheckboxField, SelectField, TextField } from '../../components/FormField';
import {
  emptyGuardian,
  GUARDIAN_FIELDS,
  type GuardianDraft,
  GuardianFields,
  guardianInput,
  isPhone,
  languageOptions,
  validateGuardian,
} from '../../components/GuardianFields';
import { usePageSummary } from '../../components/PageSummary';
import { formatDate, formatPhone, languageName } from '../../format';
import { isEmail, useFormErrors } from '../../forms';
import { Facts, Section, useNotice } from './shared';
import { FormActions } from '../../components/FormActions';

/** "Forældre og husstand": the adults with custody, living arrangement and contact; siblings; the household. */
export function FamilyTab({ child, onReload }: { child: ChildDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const relationOf = new Map(child.relations.map((r) => [r.adultId, r.relation]));
  const siblingIds = new Set(child.siblings.map((s) => s.id));
  return (
    <>
      <Section id="family-adults" title={t('family.adultsHeading')}>
        {child.relations.length === 0 ? (
          <EmptyState title={t('family.noAdults')}>{child.access.edit ? t('family.noAdultsText') : null}</EmptyState>
        ) : (
          <ul className="spire-cards nobullet-list no-max-width">
            {child.relations.map((r) => (
              <li key={r.id}>
                <RelationCard child={child} relation={r} onReload={onReload} />
              </li>
            ))}
          </ul>
        )}
        {child.access.edit ? <AddAdult child={child} /> : null}
      </Section>

      <Section id="family-siblings" title={t('family.siblingsHeading')}>
        {child.siblings.length === 0 ? (
          <p>{t('family.noSiblings')}</p>
        ) : (
          <ul className="spire-unit-list nobullet-list">
            {child.siblings.map((s) => (
              <li key={s.id}>
                {s.visible ? (
                  <Link to={`/boern/${encodeURIComponent(s.id)}`}>{s.displayName}</Link>
                ) : (
                  <span>{t('family.hiddenSibling')}</span>
                )}
                {s.visible && s.birthDate ? <span className="spire-muted"> · {t('family.born', { date: formatDate(s.birthDate) })}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="family-household" title={t('family.householdHeading')}>
        <p className="spire-muted">{t('family.householdIntro')}</p>
        {child.household.length === 0 ? (
          <p>{t('family.noHousehold')}</p>
        ) : (
          <ul className="spire-unit-list nobullet-list">
            {child.household.map((h) => {
              const relation = relationOf.get(h.id);
              const role = relation ? t(`relation.${relation}`) : siblingIds.has(h.id) ? t('family.sibling') : h.role;
              return (
                <li key={h.id}>
                  <span className="weight-semibold">{h.name}</span>
                  <span className="spire-muted"> · {role}</span>
                </li>
              );
            })}
          </ul>
        )}
      </Section>
    </>
  );
}

const EDIT_FIELDS = ['relation', 'phone', 'email', 'preferredLanguage'] as const;

function RelationCard({ child, relation: r, onReload }: { child: ChildDetail; relation: Relation; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors(`relation-${r.id}`, EDIT_FIELDS);
  usePageSummary(form);
  const notice = useNotice(onReload);
  const [editing, setEditing] = useState(false);
  const initial = () => ({
    relation: r.relation as RelationKind,
    custody: r.custody,
    livesWithChild: r.livesWithChild,
    phone: r.phone ?? '',
    email: r.email ?? '',
    preferredLanguage: r.preferredLanguage,
    interpreterNeeded: r.interpreterNeeded,
  });
  const [values, setValues] = useState(initial);
  const set = (key: keyof ReturnType<typeof initial>) => (v: string | boolean) => setValues((s) => ({ ...s, [key]: v }));
  const mutation = useMutation({
    mutationFn: () =>
      updateRelation(r.id, {
        version: r.version,
        relation: values.relation,
        custody: values.custody,
        livesWithChild: values.livesWithChild,
        phone: values.phone.trim() || null,
        email: values.email.trim() || null,
        preferredLanguage: values.preferredLanguage,
        interpreterNeeded: values.interpreterNeeded,
      }),
    onSuccess: (next) => {
      queryClient.setQueryData(childKeys.detail(child.id), next);
      setEditing(false);
      form.clear();
      notice.success(t('family.saved', { name: r.name }));
    },
    onError: (err) => notice.fail(err, form, t('family.conflict', { name: r.name })),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors = {
      phone: values.phone.trim() && !isPhone(values.phone) ? t('guardian.phoneInvalid', { who: r.name }) : '',
      email: values.email.trim() && !isEmail(values.email) ? t('guardian.emailInvalid', { who: r.name }) : '',
    };
    if (form.fail(errors)) return;
    mutation.mutate();
  };
  const headingId = `relation-${r.id}-name`;
  return (
    <article className="spire-card" aria-labelledby={headingId}>
      <div className="spire-section-head">
        <h3 className="h4 mt-0 mb-0" id={headingId}>
          {r.name} <span className="weight-normal spire-muted">· {t(`relation.${r.relation}`)}</span>
        </h3>
        {child.access.edit && !editing ? (
          <button
            type="button"
            className="button button-unstyled spire-link-button"
            onClick={() => {
              setValues(initial());
              setEditing(true);
            }}
          >
            {t('common.edit')}
            <span className="sr-only"> {r.name}</span>
          </button>
        ) : null}
      </div>
      <p className="spire-badges mt-3">
        {r.custody ? <Badge variant="success">{t('family.custody')}</Badge> : <Badge>{t('family.noCustody')}</Badge>}
        {r.livesWithChild ? <Badge variant="info">{t('family.livesWith')}</Badge> : <Badge>{t('family.livesElsewhere')}</Badge>}
        {r.interpreterNeeded ? (
          <Badge variant="warning">{t('family.interpreter', { language: languageName(r.preferredLanguage) })}</Badge>
        ) : null}
      </p>
      {notice.node}
      {editing ? (
        <form onSubmit={submit} noValidate>
          <SelectField
            id={form.id('relation')}
            label={t('guardian.relation')}
            value={values.relation}
            onChange={set('relation')}
            options={RELATION_KINDS.map((k) => ({ value: k, label: t(`relation.${k}`) }))}
            error={form.errors.relation}
          />
          <div className="form-group">
            <CheckboxField id={form.id('custody')} label={t('guardian.custody')} checked={values.custody} onChange={set('custody')} />
            <CheckboxField id={form.id('livesWithChild')} label={t('guardian.livesWithChild')} checked={values.livesWithChild} onChange={set('livesWithChild')} />
          </div>
          <div className="spire-inline-fields">
            <TextField id={form.id('phone')} type="tel" label={t('guardian.phone')} value={values.phone} onChange={set('phone')} error={form.errors.phone} inputMode="tel" width="m" autoComplete="off" optional />
            <TextField id={form.id('email')} type="email" label={t('guardian.email')} value={values.email} onChange={set('email')} error={form.errors.email} autoComplete="off" optional />
          </div>
          <SelectField
            id={form.id('preferredLanguage')}
            label={t('guardian.language')}
            value={values.preferredLanguage}
            onChange={set('preferredLanguage')}
            options={languageOptions(values.preferredLanguage)}
            error={form.errors.preferredLanguage}
          />
          <div className="form-group">
            <CheckboxField id={form.id('interpreterNeeded')} label={t('guardian.interpreter')} checked={values.interpreterNeeded} onChange={set('interpreterNeeded')} />
          </div>
          <div className="spire-actions mt-6">
            <button type="submit" className="button button-primary" disabled={mutation.isPending}>
              {mutation.isPending ? t('common.saving') : t('common.save')}
            </button>
            <button
              type="button"
              className="button button-tertiary"
              onClick={() => {
                setEditing(false);
                form.clear();
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <Facts
          items={[
            {
              label: t('guardian.cpr'),
              value: <CprReveal personId={r.adultId} masked={r.cprMasked} canReveal={child.access.edit} whose={r.name} />,
            },
            { label: t('guardian.phone'), value: r.phone ? <a href={`tel:${r.phone.replace(/\s/g, '')}`}>{formatPhone(r.phone)}</a> : t('common.none') },
            { label: t('guardian.email'), value: r.email ? <a href={`mailto:${r.email}`}>{r.email}</a> : t('common.none') },
            { label: t('family.address'), value: r.address ?? t('common.none') },
            { label: t('guardian.language'), value: languageName(r.preferredLanguage) },
          ]}
        />
      )}
    </article>
  );
}

const ADD_FIELDS = [...GUARDIAN_FIELDS, 'adultId'];

function AddAdult({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors('adult', ADD_FIELDS);
  usePageSummary(form);
  const notice = useNotice();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<GuardianDraft>(emptyGuardian());
  const mutation = useMutation({
    mutationFn: () => addRelation(child.id, guardianInput(value)),
    onSuccess: (next) => {
      queryClient.setQueryData(childKeys.detail(child.id), next);
      setOpen(false);
      form.clear();
      notice.success(t('family.added', { name: `${value.firstName.trim()} ${value.lastName.trim()}` }));
      setValue(emptyGuardian());
    },
    onError: (err) => notice.fail(err, form),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.fail(validateGuardian(value, '', t, t('family.theAdult')))) return;
    mutation.mutate();
  };
  return (
    <>
      {notice.node}
      {open ? (
        <form onSubmit={submit} noValidate className="spire-inline-form">
          <GuardianFields legend={t('family.addHeading')} value={value} onChange={setValue} form={form} prefix="" expected={child.status === 'expected'} />
          <FormActions pending={mutation.isPending} submitLabel={t('family.addSubmit')} onCancel={() => setOpen(false)} />
        </form>
      ) : (
        <button type="button" className="button button-secondary mt-5" onClick={() => setOpen(true)}>
          {t('family.add')}
        </button>
      )}
    </>
  );
}
