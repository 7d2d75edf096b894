import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { childKeys, getChild } from '../../api/children';
import { ApiError } from '../../api/client';
import {
  createNotification,
  GROUNDS,
  type Ground,
  NOT_INFORMED_REASONS,
  type NotInformedReason,
  notificationKeys,
} from '../../api/notifications';
import { useMe } from '../../auth';
import { childName } from '../../childText';
import { Alert } from '../../components/Alert';
import { BackLink } from '../../components/BackLink';
import { ErrorState } from '../../components/ErrorState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroupField, SelectField, TextAreaField, TextField } from '../../components/FormField';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { useFormErrors } from '../../forms';
import './notifications.css';

const FIELDS = ['parentName', 'parentCpr', 'expectedDate', 'grounds', 'observations', 'parentsInformed', 'notInformedReason', 'notInformedText', 'notifierUnitId', 'childId'] as const;

/**
 * `/underretninger/ny` (`?barn=<id>` from the child's page): a notification under Barnets Lov § 133.
 * About a child the user can see, or — without a child — about expectant parents not yet
 * registered. The sender is always the signed-in user and one of their units (never anonymous).
 */
export function NotificationNew() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const childId = params.get('barn');
  const child = useQuery({ queryKey: childKeys.detail(childId ?? ''), queryFn: () => getChild(childId ?? ''), enabled: Boolean(childId) });
  const form = useFormErrors('notification', FIELDS);

  const [parentName, setParentName] = useState('');
  const [parentAddress, setParentAddress] = useState('');
  const [parentCpr, setParentCpr] = useState('');
  const [expectedDate, setExpectedDate] = useState('');
  const [grounds, setGrounds] = useState<Ground[]>(childId ? [] : ['unborn_child']);
  const [observations, setObservations] = useState('');
  const [informed, setInformed] = useState('');
  const [reason, setReason] = useState<NotInformedReason | ''>('');
  const [reasonText, setReasonText] = useState('');
  const [unitId, setUnitId] = useState(me.units[0]?.id ?? '');

  const mutation = useMutation({
    mutationFn: () =>
      createNotification({
        childId: childId ?? null,
        expectantParent: childId
          ? null
          : { name: parentName.trim(), address: parentAddress.trim() || null, cpr: parentCpr.trim() || null, expectedDate: expectedDate || null },
        grounds,
        observations,
        parentsInformed: informed === 'yes',
        notInformedReason: informed === 'no' && reason ? reason : null,
        notInformedText: informed === 'no' ? reasonText.trim() || null : null,
        notifierUnitId: unitId,
      }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      navigate('/underretninger', { state: { flash: t('notifications.form.sent', { unit: created.recipientUnit.name }) } });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.errors.length) {
        form.failFromApi(
          new ApiError(err.status, {
            ...err.problem,
            code: err.code,
            title: err.title,
            errors: err.errors.map((e) => ({ ...e, field: e.field.replace(/^expectantParent\.name$/, 'parentName').replace(/^expectantParent\.cpr$/, 'parentCpr').replace(/^expectantParent\.expectedDate$/, 'expectedDate').replace(/^grounds\.\d+$/, 'grounds') })),
          }),
        );
      }
    },
  });

  if (me.units.length === 0) {
    return (
      <>
        <PageTitle title={t('notifications.form.title')} />
        <h1>{t('notifications.form.title')}</h1>
        <p className="font-lead">{t('notifications.form.noUnit')}</p>
      </>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    const failed = form.fail({
      parentName: !childId && !parentName.trim() ? t('notifications.form.writeParentName') : '',
      grounds: grounds.length === 0 ? t('notifications.form.chooseGround') : '',
      observations: observations.trim() ? '' : t('notifications.form.writeObservations'),
      parentsInformed: informed ? '' : t('notifications.form.chooseInformed'),
      notInformedReason: informed === 'no' && !reason ? t('notifications.form.chooseReason') : '',
    });
    if (failed) return;
    mutation.mutate();
  };
  const toggle = (ground: Ground, on: boolean) => setGrounds((g) => (on ? [...g, ground] : g.filter((x) => x !== ground)).sort((a, b) => GROUNDS.indexOf(a) - GROUNDS.indexOf(b)));
  const err = mutation.error instanceof ApiError && mutation.error.errors.length === 0 ? mutation.error : mutation.error && !(mutation.error instanceof ApiError) ? mutation.error : null;
  const unit = me.units.find((u) => u.id === unitId);
  const groundsError = form.errors.grounds;

  return (
    <>
      <PageTitle title={t('notifications.form.title')} />
      <BackLink to={childId ? `/boern/${encodeURIComponent(childId)}` : '/underretninger'}>
        {childId ? t('notifications.form.backToChild') : t('notifications.detail.backMine')}
      </BackLink>
      <ErrorSummary items={form.summary} focusKey={form.attempt} />
      <h1>{t('notifications.form.title')}</h1>
      <p className="font-lead">{t('notifications.form.lead')}</p>
      {err ? (
        <Alert variant="error" heading={t('notifications.form.error')} headingLevel={2} focusKey={mutation.submittedAt}>
          <p className="alert-text">{err instanceof ApiError ? err.title : String(err)}</p>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate className="spire-notification-form">
        <h2>{t('notifications.form.about')}</h2>
        {childId ? (
          child.isPending ? (
            <Spinner />
          ) : child.isError ? (
            <ErrorState error={child.error} onRetry={() => void child.refetch()} />
          ) : (
            <p>
              <span className="weight-semibold">{t('notifications.form.aboutChild')}: </span>
              {childName(child.data, t)}
            </p>
          )
        ) : (
          <>
            <p>
              {t('notifications.form.noChild')} <Link to="/boern">{t('notifications.form.toChildren')}</Link>
            </p>
            <h3>{t('notifications.form.parentHeading')}</h3>
            <TextField id={form.id('parentName')} label={t('notifications.form.parentName')} value={parentName} onChange={setParentName} error={form.errors.parentName} width="l" autoComplete="off" />
            <TextField id={form.id('parentAddress')} label={t('notifications.form.parentAddress')} value={parentAddress} onChange={setParentAddress} optional width="xl" autoComplete="off" />
            <TextField
              id={form.id('parentCpr')}
              label={t('notifications.form.parentCpr')}
              hint={t('notifications.form.parentCprHint')}
              value={parentCpr}
              onChange={setParentCpr}
              error={form.errors.parentCpr}
              optional
              width="s"
              inputMode="numeric"
              autoComplete="off"
            />
            <TextField id={form.id('expectedDate')} label={t('notifications.form.expectedDate')} type="date" value={expectedDate} onChange={setExpectedDate} error={form.errors.expectedDate} optional />
          </>
        )}

        <div className={`form-group${groundsError ? ' form-error' : ''}`}>
          <fieldset aria-describedby={`${form.id('grounds')}-hint${groundsError ? ` ${form.id('grounds')}-error` : ''}`}>
            <legend className="form-label">{t('notifications.form.grounds')}</legend>
            <span className="form-hint" id={`${form.id('grounds')}-hint`}>
              {t('notifications.form.groundsHint')}
            </span>
            {groundsError ? (
              <span className="form-error-message" id={`${form.id('grounds')}-error`}>
                <span className="sr-only">{t('common.errorPrefix')}</span>
                {groundsError}
              </span>
            ) : null}
            {GROUNDS.map((ground, index) => {
              const id = index === 0 ? form.id('grounds') : `${form.id('grounds')}-${ground}`;
              return (
                <div className="form-group-checkbox" key={ground}>
                  <input type="checkbox" id={id} className="form-checkbox" checked={grounds.includes(ground)} onChange={(e) => toggle(ground, e.target.checked)} />
                  <label className="form-label" htmlFor={id}>
                    {t(`notifications.ground.${ground}`)}
                  </label>
                </div>
              );
            })}
          </fieldset>
        </div>

        <TextAreaField
          id={form.id('observations')}
          label={t('notifications.form.observations')}
          hint={t('notifications.form.observationsHint')}
          value={observations}
          onChange={setObservations}
          error={form.errors.observations}
          rows={8}
          maxLength={20000}
          wide
        />

        <RadioGroupField
          id={form.id('parentsInformed')}
          legend={t('notifications.form.parentsInformed')}
          value={informed}
          onChange={setInformed}
          error={form.errors.parentsInformed}
          options={[
            { value: 'yes', label: t('notifications.form.yes') },
            { value: 'no', label: t('notifications.form.no') },
          ]}
        />
        {informed === 'no' ? (
          <>
            <RadioGroupField
              id={form.id('notInformedReason')}
              legend={t('notifications.form.notInformedReason')}
              value={reason}
              onChange={(v) => setReason(v as NotInformedReason)}
              error={form.errors.notInformedReason}
              options={NOT_INFORMED_REASONS.map((r) => ({ value: r, label: t(`notifications.notInformedReason.${r}`) }))}
            />
            <TextAreaField
              id={form.id('notInformedText')}
              label={t('notifications.form.notInformedText')}
              value={reasonText}
              onChange={setReasonText}
              error={form.errors.notInformedText}
              optional={reason !== 'other'}
              rows={3}
              maxLength={2000}
            />
          </>
        ) : null}

        <h2>{t('notifications.form.notifierHeading')}</h2>
        <p>{t('notifications.form.notifierText')}</p>
        <dl className="spire-notification-facts">
          <dt>{t('notifications.form.notifierName')}</dt>
          <dd>{me.name}</dd>
        </dl>
        {me.units.length > 1 ? (
          <SelectField
            id={form.id('notifierUnitId')}
            label={t('notifications.form.workplace')}
            value={unitId}
            onChange={setUnitId}
            error={form.errors.notifierUnitId}
            options={me.units.map((u) => ({ value: u.id, label: u.name }))}
          />
        ) : (
          <dl className="spire-notification-facts">
            <dt>{t('notifications.form.workplace')}</dt>
            <dd>{unit?.name}</dd>
          </dl>
        )}
        <button type="submit" className="button button-primary mt-6" disabled={mutation.isPending || (Boolean(childId) && !child.data)}>
          {mutation.isPending ? t('common.saving') : t('notifications.form.submit')}
        </button>
      </form>
    </>
  );
}
