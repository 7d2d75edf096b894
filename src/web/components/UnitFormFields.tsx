import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type District, UNIT_KINDS, type Unit, type UnitInput, type UnitKind } from '../api/types';
import { type FieldErrors, type FormErrors, isDanishPhone } from '../forms';
import { SelectField, TextField } from './FormField';

export const UNIT_FIELDS = ['name', 'kind', 'districtId', 'clusterId', 'address', 'phone'] as const;

export interface UnitValues {
  name: string;
  kind: UnitKind | '';
  districtId: string;
  clusterId: string;
  address: string;
  phone: string;
}

export const emptyUnitValues = (): UnitValues => ({
  name: '',
  kind: '',
  districtId: '',
  clusterId: '',
  address: '',
  phone: '',
});

export const unitToValues = (u: Unit): UnitValues => ({
  name: u.name,
  kind: u.kind,
  districtId: u.districtId,
  clusterId: u.clusterId ?? '',
  address: u.address ?? '',
  phone: u.phone ?? '',
});

/** Client-side checks with specific messages; the server checks again. */
export function validateUnit(v: UnitValues, t: TFunction): FieldErrors {
  return {
    name: v.name.trim() ? '' : t('unitForm.nameRequired'),
    kind: v.kind ? '' : t('unitForm.kindRequired'),
    districtId: v.districtId ? '' : t('unitForm.districtRequired'),
    phone: v.phone.trim() && !isDanishPhone(v.phone) ? t('unitForm.phoneInvalid') : '',
  };
}

/** The request body; empty optional fields become null (PATCH clears them) or are left out (POST). */
export function unitBody(v: UnitValues, forPatch: boolean): UnitInput {
  const opt = (s: string) => (s.trim() ? s.trim() : forPatch ? null : undefined);
  return {
    name: v.name.trim(),
    kind: v.kind as UnitKind,
    districtId: v.districtId,
    clusterId: v.clusterId ? v.clusterId : forPatch ? null : undefined,
    address: opt(v.address),
    phone: opt(v.phone),
  };
}

/** The fields of the unit form (create and edit). The page renders the error summary and H1. */
export function UnitFormFields({
  values,
  onChange,
  form,
  districts,
}: {
  values: UnitValues;
  onChange: (next: UnitValues) => void;
  form: FormErrors;
  districts: District[];
}) {
  const { t } = useTranslation();
  const set = <K extends keyof UnitValues>(key: K) => (value: string) => {
    const next = { ...values, [key]: value } as UnitValues;
    if (key === 'districtId') {
      const district = districts.find((d) => d.id === value);
      if (!district?.clusters.some((c) => c.id === next.clusterId)) next.clusterId = '';
    }
    onChange(next);
  };
  const clusters = districts.find((d) => d.id === values.districtId)?.clusters ?? [];

  return (
    <>
      <TextField
        id={form.id('name')}
        label={t('unitForm.name')}
        value={values.name}
        onChange={set('name')}
        error={form.errors.name}
        required
      />
      <SelectField
        id={form.id('kind')}
        label={t('unitForm.kind')}
        value={values.kind}
        onChange={set('kind')}
        placeholder={t('unitForm.chooseKind')}
        options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
        error={form.errors.kind}
        required
      />
      <SelectField
        id={form.id('districtId')}
        label={t('unitForm.district')}
        value={values.districtId}
        onChange={set('districtId')}
        placeholder={t('unitForm.chooseDistrict')}
        options={districts.map((d) => ({ value: d.id, label: d.name }))}
        error={form.errors.districtId}
        required
      />
      <SelectField
        id={form.id('clusterId')}
        label={t('unitForm.cluster')}
        hint={t('unitForm.clusterHint')}
        value={values.clusterId}
        onChange={set('clusterId')}
        placeholder={t('unitForm.noCluster')}
        options={clusters.map((c) => ({ value: c.id, label: c.name }))}
        error={form.errors.clusterId}
        optional
        disabled={!values.districtId || clusters.length === 0}
      />
      <TextField
        id={form.id('address')}
        label={t('unitForm.address')}
        hint={t('unitForm.addressHint')}
        value={values.address}
        onChange={set('address')}
        error={form.errors.address}
        autoComplete="off"
        optional
      />
      <TextField
        id={form.id('phone')}
        type="tel"
        label={t('unitForm.phone')}
        hint={t('unitForm.phoneHint')}
        value={values.phone}
        onChange={set('phone')}
        error={form.errors.phone}
        autoComplete="off"
        width="s"
        inputMode="tel"
        optional
      />
    </>
  );
}
