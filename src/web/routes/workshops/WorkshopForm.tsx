import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { type CounsellingOffer, counsellingKeys, listCounsellingOffers } from '../../api/counselling';
import { listUnits, organisationKeys } from '../../api/organisation';
import { WORKSHOP_THEMES, type Workshop, type WorkshopInput } from '../../api/workshops';
import { Alert } from '../../components/Alert';
import { ErrorState } from '../../components/ErrorState';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/FormField';
import { Spinner } from '../../components/Spinner';
import { todayIso } from '../../format';
import type { FieldErrors, FormErrors } from '../../forms';

/** Fields of the workshop form, in order (for the error summary). */
export const WORKSHOP_FIELDS = ['offerId', 'theme', 'heldOn', 'unitId', 'participants', 'facilitatorIds', 'note'] as const;

/**
 * The workshop form (record or edit): offer, theme, date, the unit where it was held or for whom,
 * participants, facilitators (staff of the offer's running units) and a remark.
 */
export function WorkshopForm({
  form,
  initial,
  pending,
  error,
  submitLabel,
  onSubmit,
  extraActions,
}: {
  form: FormErrors;
  initial?: Workshop;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (input: WorkshopInput) => void;
  extraActions?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const offers = useQuery({ queryKey: counsellingKeys.offers('staff'), queryFn: () => listCounsellingOffers('staff') });
  const units = useQuery({ queryKey: [...organisationKeys.allUnits, 'for-workshops'], queryFn: () => listUnits() });
  if (offers.isPending || units.isPending) return <Spinner />;
  if (offers.isError) return <ErrorState error={offers.error} headingLevel={3} />;
  if (units.isError) return <ErrorState error={units.error} headingLevel={3} />;
  if (offers.data.length === 0 && !initial) return <p>{t('counselling.workshops.noOffers')}</p>;
  return (
    <Fields
      form={form}
      initial={initial}
      pending={pending}
      error={error}
      submitLabel={submitLabel}
      onSubmit={onSubmit}
      offers={offers.data}
      units={units.data.map((u) => ({ id: u.id, name: u.name }))}
      extraActions={extraActions}
    />
  );
}

function Fields({
  form,
  initial,
  pending,
  error,
  submitLabel,
  onSubmit,
  offers,
  units,
  extraActions,
}: {
  form: FormErrors;
  initial?: Workshop;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (input: WorkshopInput) => void;
  offers: CounsellingOffer[];
  units: { id: string; name: string }[];
  extraActions?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [offerId, setOfferId] = useState(initial?.offer.id ?? offers[0]?.id ?? '');
  const [theme, setTheme] = useState<string>(initial?.theme ?? '');
  const [heldOn, setHeldOn] = useState(initial?.heldOn ?? todayIso());
  const [unitId, setUnitId] = useState(initial?.unit.id ?? '');
  const [participants, setParticipants] = useState(initial ? String(initial.participants) : '');
  const [facilitatorIds, setFacilitatorIds] = useState<string[]>(initial?.facilitators.map((f) => f.id) ?? []);
  const [note, setNote] = useState(initial?.note ?? '');
  const offer = offers.find((o) => o.id === offerId);
  const staff = new Map<string, string>();
  for (const u of offer?.units ?? []) for (const s of u.staff) staff.set(s.id, s.name);
  for (const f of initial?.facilitators ?? []) if (!staff.has(f.id)) staff.set(f.id, f.name);
  const offerOptions = offers.map((o) => ({ value: o.id, label: o.name }));
  if (initial && !offers.some((o) => o.id === initial.offer.id)) offerOptions.unshift({ value: initial.offer.id, label: initial.offer.name });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(participants);
    const errors: FieldErrors = {
      offerId: offerId ? '' : t('counselling.workshops.errOffer'),
      theme: theme ? '' : t('counselling.workshops.errTheme'),
      heldOn: heldOn ? '' : t('counselling.workshops.errDate'),
      unitId: unitId ? '' : t('counselling.workshops.errUnit'),
      participants: participants.trim() !== '' && Number.isInteger(n) && n >= 0 ? '' : t('counselling.workshops.errParticipants'),
      facilitatorIds: facilitatorIds.length > 0 ? '' : t('counselling.workshops.errFacilitators'),
    };
    if (form.fail(errors)) return;
    onSubmit({ offerId, theme, heldOn, unitId, participants: n, facilitatorIds, note: note.trim() || null });
  };
  const alert = error instanceof ApiError && error.errors.length === 0 ? error : null;

  return (
    <form onSubmit={submit} noValidate>
      {alert ? (
        <Alert variant="error" heading={t('counselling.workshops.saveError')} headingLevel={3}>
          <p className="alert-text">{alert.title}</p>
        </Alert>
      ) : null}
      <SelectField id={form.id('offerId')} label={t('counselling.workshops.offer')} value={offerId} onChange={setOfferId} error={form.errors.offerId} options={offerOptions} disabled={Boolean(initial)} />
      <SelectField
        id={form.id('theme')}
        label={t('counselling.workshops.themeLabel')}
        value={theme}
        onChange={setTheme}
        error={form.errors.theme}
        placeholder={t('counselling.workshops.errTheme')}
        options={WORKSHOP_THEMES.map((x) => ({ value: x, label: t(`counselling.workshops.theme.${x}`) }))}
      />
      <TextField id={form.id('heldOn')} type="date" label={t('counselling.workshops.heldOn')} value={heldOn} onChange={setHeldOn} error={form.errors.heldOn} />
      <SelectField
        id={form.id('unitId')}
        label={t('counselling.workshops.heldFor')}
        value={unitId}
        onChange={setUnitId}
        error={form.errors.unitId}
        placeholder={t('counselling.workshops.errUnit')}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
      />
      <TextField
        id={form.id('participants')}
        label={t('counselling.workshops.participants')}
        value={participants}
        onChange={setParticipants}
        error={form.errors.participants}
        inputMode="numeric"
        width="xs"
      />
      <div className={`form-group${form.errors.facilitatorIds ? ' form-error' : ''}`}>
        <fieldset aria-describedby={form.errors.facilitatorIds ? `${form.id('facilitatorIds')}-error` : undefined}>
          <legend className="form-label">{t('counselling.workshops.facilitators')}</legend>
          {form.errors.facilitatorIds ? (
            <span className="form-error-message" id={`${form.id('facilitatorIds')}-error`}>
              <span className="sr-only">{t('common.errorPrefix')}</span>
              {form.errors.facilitatorIds}
            </span>
          ) : null}
          {[...staff.entries()].map(([id, name], i) => (
            <CheckboxField
              key={id}
              id={i === 0 ? form.id('facilitatorIds') : `${form.id('facilitatorIds')}-${id}`}
              label={name}
              checked={facilitatorIds.includes(id)}
              onChange={(checked) => setFacilitatorIds((ids) => (checked ? [...ids, id] : ids.filter((x) => x !== id)))}
            />
          ))}
        </fieldset>
      </div>
      <TextAreaField id={form.id('note')} label={t('counselling.workshops.note')} optional value={note} onChange={setNote} error={form.errors.note} rows={3} maxLength={2000} />
      <div className="spire-actions mt-6">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('common.saving') : submitLabel}
        </button>
        {extraActions}
      </div>
    </form>
  );
}
