import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { childKeys, reassignChild, updateChild } from '../../api/children';
import { listUnits, organisationKeys } from '../../api/organisation';
import type { CaseloadAssignment, ChildDetail } from '../../api/types';
import { useMe } from '../../auth';
import { childName } from '../../childText';
import { CprReveal } from '../../components/CprReveal';
import { DataTable } from '../../components/DataTable';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/FormField';
import { usePageSummary } from '../../components/PageSummary';
import { formatDate, todayIso } from '../../format';
import { useFormErrors } from '../../forms';
import { Facts, Section, useNotice } from './shared';
import { FormActions } from '../../components/FormActions';

/** "Stamdata": the child's basic facts (editable by the health-visiting unit) and who is responsible. */
export function BasicTab({ child, onReload }: { child: ChildDetail; onReload: () => void }) {
  return (
    <>
      <BasicFacts child={child} onReload={onReload} />
      <CaseloadSection child={child} />
    </>
  );
}

const BASIC_FIELDS = ['firstName', 'lastName', 'expectedDate', 'address', 'postalCode', 'city'] as const;

function BasicFacts({ child, onReload }: { child: ChildDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors('basic', BASIC_FIELDS);
  usePageSummary(form);
  const notice = useNotice(onReload);
  const [editing, setEditing] = useState(false);
  const expected = child.status === 'expected';
  const initial = () => ({
    firstName: child.firstName ?? '',
    lastName: child.lastName ?? '',
    expectedDate: child.expectedDate ?? '',
    dischargedWithin72h: child.dischargedWithin72h,
    address: child.address ?? '',
    postalCode: child.postalCode ?? '',
    city: child.city ?? '',
  });
  const [values, setValues] = useState(initial);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version from the server replaces the form
  useEffect(() => setValues(initial()), [child.version]);
  const set = (key: keyof ReturnType<typeof initial>) => (v: string | boolean) => setValues((s) => ({ ...s, [key]: v }));

  const mutation = useMutation({
    mutationFn: () =>
      updateChild(child.id, {
        version: child.version,
        ...(values.firstName.trim() ? { firstName: values.firstName.trim() } : {}),
        ...(values.lastName.trim() ? { lastName: values.lastName.trim() } : {}),
        ...(expected && values.expectedDate ? { expectedDate: values.expectedDate } : {}),
        ...(expected ? {} : { dischargedWithin72h: values.dischargedWithin72h }),
        address: values.address.trim() || null,
        postalCode: values.postalCode.trim() || null,
        city: values.city.trim() || null,
      }),
    onSuccess: (next) => {
      queryClient.setQueryData(childKeys.detail(child.id), next);
      void queryClient.invalidateQueries({ queryKey: childKeys.all, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: ['children', 'programme', child.id] });
      form.clear();
      setEditing(false);
      notice.success(t('basic.saved'));
    },
    onError: (err) => notice.fail(err, form, t('basic.conflict')),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors = {
      firstName: !expected && !values.firstName.trim() ? t('register.firstNameRequired') : '',
      lastName: !expected && !values.lastName.trim() ? t('register.lastNameRequired') : '',
      expectedDate: expected && !values.expectedDate ? t('register.expectedDateRequired') : '',
    };
    if (form.fail(errors)) return;
    mutation.mutate();
  };

  const address = [child.address, [child.postalCode, child.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <Section
      id="basic-facts"
      title={t('basic.heading')}
      actions={
        child.access.edit && !editing ? (
          <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
            {t('basic.edit')}
          </button>
        ) : null
      }
    >
      {notice.node}
      {editing ? (
        <form onSubmit={submit} noValidate className="spire-inline-form">
          <div className="spire-inline-fields">
            <TextField id={form.id('firstName')} label={t('register.firstName')} value={values.firstName} onChange={set('firstName')} error={form.errors.firstName} autoComplete="off" optional={expected} required={!expected} />
            <TextField id={form.id('lastName')} label={t('register.lastName')} value={values.lastName} onChange={set('lastName')} error={form.errors.lastName} autoComplete="off" optional={expected} required={!expected} />
          </div>
          {expected ? (
            <TextField id={form.id('expectedDate')} type="date" label={t('register.expectedDate')} hint={t('basic.expectedDateHint')} value={values.expectedDate} onChange={set('expectedDate')} error={form.errors.expectedDate} width="s" required />
          ) : (
            <div className="form-group">
              <CheckboxField id={form.id('dischargedWithin72h')} label={t('register.discharged')} hint={t('register.dischargedHint')} checked={values.dischargedWithin72h} onChange={set('dischargedWithin72h')} />
            </div>
          )}
          <TextField id={form.id('address')} label={t('register.address')} value={values.address} onChange={set('address')} error={form.errors.address} autoComplete="off" optional />
          <div className="spire-inline-fields">
            <TextField id={form.id('postalCode')} label={t('register.postalCode')} value={values.postalCode} onChange={set('postalCode')} error={form.errors.postalCode} inputMode="numeric" width="xs" autoComplete="off" optional />
            <TextField id={form.id('city')} label={t('register.city')} value={values.city} onChange={set('city')} error={form.errors.city} width="m" autoComplete="off" optional />
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
                setValues(initial());
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
            { label: t('basic.name'), value: childName(child, t) },
            {
              label: t('child.cpr'),
              value: <CprReveal personId={child.id} masked={child.cprMasked} canReveal={child.access.edit} />,
            },
            expected
              ? { label: t('child.expectedDate'), value: formatDate(child.expectedDate) || t('common.none') }
              : { label: t('child.birthDate'), value: formatDate(child.birthDate) || t('common.none') },
            { label: t('basic.legalSex'), value: child.legalSex ? t(`legalSex.${child.legalSex}`) : t('common.none') },
            // Discharge after the birth matters to the health visitor only.
            ...(expected || !child.access.health
              ? []
              : [{ label: t('basic.discharged'), value: child.dischargedWithin72h ? t('common.yes') : t('common.no') }]),
            { label: t('basic.address'), value: address || t('common.none') },
          ]}
        />
      )}
    </Section>
  );
}

const MOVE_FIELDS = ['unitId', 'staffId', 'reason', 'startsOn'] as const;

/** Who is responsible (caseload), the history, and "Flyt til anden sundhedsplejerske/enhed". */
function CaseloadSection({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const form = useFormErrors('move', MOVE_FIELDS);
  usePageSummary(form);
  const notice = useNotice();
  const [moving, setMoving] = useState(false);
  const current = child.caseload.current;
  const units = useQuery({
    queryKey: organisationKeys.units({ kind: 'health_visiting' }),
    queryFn: () => listUnits({ kind: 'health_visiting' }),
    enabled: moving,
  });
  const [values, setValues] = useState({ unitId: '', staffId: '', reason: '', startsOn: todayIso() });
  const set = (key: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [key]: v }));
  const meInUnit = me.profession === 'health_visitor' && me.units.some((u) => u.id === values.unitId);
  const staffOptions = [
    ...(current?.staffId && current.unitId === values.unitId && current.staffId !== me.id
      ? [{ value: current.staffId, label: current.staffName ?? '' }]
      : []),
    ...(meInUnit ? [{ value: me.id, label: t('register.me', { name: me.name }) }] : []),
    { value: '', label: t('register.notAssigned') },
  ];

  const mutation = useMutation({
    mutationFn: () =>
      reassignChild(child.id, {
        unitId: values.unitId,
        staffId: values.staffId || null,
        reason: values.reason.trim(),
        startsOn: values.startsOn || undefined,
      }),
    onSuccess: (next) => {
      queryClient.setQueryData(childKeys.detail(child.id), next);
      void queryClient.invalidateQueries({ queryKey: childKeys.all, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: ['my-day'] });
      setMoving(false);
      form.clear();
      notice.success(
        t('caseload.moved', {
          who: next.caseload.current?.staffName ?? next.caseload.current?.unitName ?? '',
        }),
      );
    },
    onError: (err) => notice.fail(err, form),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors = {
      unitId: values.unitId ? '' : t('caseload.unitRequired'),
      staffId:
        values.unitId === current?.unitId && (values.staffId || null) === (current?.staffId ?? null)
          ? t('caseload.sameAsNow')
          : '',
      reason: values.reason.trim() ? '' : t('caseload.reasonRequired'),
      startsOn:
        !values.startsOn
          ? t('caseload.startsOnRequired')
          : current && values.startsOn < current.startsOn
            ? t('caseload.startsOnBefore', { date: formatDate(current.startsOn) })
            : '',
    };
    if (form.fail(errors)) return;
    mutation.mutate();
  };

  const start = () => {
    setValues({ unitId: current?.unitId ?? '', staffId: '', reason: '', startsOn: todayIso() });
    form.clear();
    setMoving(true);
  };

  return (
    <Section
      id="basic-caseload"
      title={t('caseload.heading')}
      actions={
        child.access.edit && !moving ? (
          <button type="button" className="button button-secondary" onClick={start}>
            {t('caseload.move')}
          </button>
        ) : null
      }
    >
      {notice.node}
      {current ? (
        <Facts
          items={[
            { label: t('caseload.unit'), value: current.unitName },
            { label: t('caseload.healthVisitor'), value: current.staffName ?? t('child.noHealthVisitor') },
            // Why the child was moved is the health visitors' business; others need to know whom to call.
            ...(child.access.health
              ? [
                  { label: t('caseload.since'), value: formatDate(current.startsOn) },
                  { label: t('caseload.reason'), value: current.reason ?? t('common.none') },
                ]
              : []),
          ]}
        />
      ) : (
        <p>{t('caseload.none')}</p>
      )}
      {moving ? (
        <form onSubmit={submit} noValidate className="spire-inline-form">
          <h3 className="h4 mt-0">{t('caseload.moveHeading')}</h3>
          <SelectField
            id={form.id('unitId')}
            label={t('caseload.newUnit')}
            value={values.unitId}
            onChange={(v) => setValues((s) => ({ ...s, unitId: v, staffId: '' }))}
            placeholder={units.isPending ? t('common.loading') : t('register.chooseUnit')}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            error={form.errors.unitId}
            required
          />
          <SelectField
            id={form.id('staffId')}
            label={t('caseload.newHealthVisitor')}
            hint={t('caseload.newHealthVisitorHint')}
            value={values.staffId}
            onChange={set('staffId')}
            options={staffOptions}
            error={form.errors.staffId}
          />
          <TextAreaField id={form.id('reason')} label={t('caseload.reasonLabel')} hint={t('caseload.reasonHint')} value={values.reason} onChange={set('reason')} error={form.errors.reason} rows={3} maxLength={500} required />
          <TextField id={form.id('startsOn')} type="date" label={t('caseload.startsOn')} value={values.startsOn} onChange={set('startsOn')} error={form.errors.startsOn} width="s" required />
          <FormActions pending={mutation.isPending} submitLabel={t('caseload.moveSubmit')} onCancel={() => setMoving(false)} />
        </form>
      ) : null}
      {child.access.health && child.caseload.history.length > 0 ? (
        <>
          <h3 className="h4 mt-6">{t('caseload.history')}</h3>
          <DataTable<CaseloadAssignment>
            caption={t('caseload.history')}
            captionHidden
            rows={child.caseload.history}
            rowKey={(a) => a.id}
            columns={[
              { key: 'unit', header: t('caseload.unit'), rowHeader: true, render: (a) => a.unitName },
              { key: 'staff', header: t('caseload.healthVisitor'), render: (a) => a.staffName ?? t('child.noHealthVisitor') },
              {
                key: 'period',
                header: t('caseload.period'),
                className: 'spire-nowrap',
                render: (a) => t('health.window', { from: formatDate(a.startsOn), to: formatDate(a.endsOn) }),
              },
              { key: 'reason', header: t('caseload.reason'), render: (a) => a.reason ?? t('common.none') },
            ]}
          />
        </>
      ) : null}
    </Section>
  );
}
