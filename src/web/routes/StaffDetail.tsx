import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../api/client';
import { listUnits, organisationKeys } from '../api/organisation';
import {
  addCertification,
  addMembership,
  endMembership,
  getStaff,
  removeCertification,
  resetPassword,
  staffKeys,
  updateStaff,
} from '../api/staff';
import {
  CERTIFICATION_KINDS,
  type CertificationKind,
  type Membership,
  PROFESSIONS,
  type Profession,
  type Staff,
  type StaffCertification,
} from '../api/types';
import { Alert } from '../components/Alert';
import { BackLink } from '../components/BackLink';
import { Badge } from '../components/Badge';
import { DataTable } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { ErrorSummary } from '../components/ErrorSummary';
import { Flash } from '../components/Flash';
import { SelectField, TextField } from '../components/FormField';
import { Modal } from '../components/Modal';
import { PageTitle } from '../components/PageTitle';
import { Spinner } from '../components/Spinner';
import { formatDate, todayIso } from '../format';
import { type FormErrors, isEmail, latestSummary, useFormErrors } from '../forms';
import { MIN_PASSWORD_LENGTH } from './StaffCreate';
import { FormActions } from '../components/FormActions';

const DETAIL_FIELDS = ['name', 'email', 'profession'] as const;
const MEMBERSHIP_FIELDS = ['unitId', 'startsOn', 'endsOn'] as const;
const CERT_FIELDS = ['kind', 'validFrom', 'validUntil'] as const;
const PASSWORD_FIELDS = ['password'] as const;
const END_FIELDS = ['endsOn'] as const;

/** Where a message is shown: next to what the user just did, or at the top for conflicts. */
type NoticePlace = 'top' | 'details' | 'account' | 'memberships' | 'certifications' | 'password';
type Notice = {
  place: NoticePlace;
  variant: 'success' | 'error';
  heading?: string;
  text: string;
  reload?: boolean;
  key: number;
} | null;

/** `/admin/medarbejdere/:id`: details, account status, memberships, certifications, password. */
export function StaffDetail() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const staff = useQuery({ queryKey: staffKeys.detail(id), queryFn: () => getStaff(id), staleTime: 0 });
  const [notice, setNotice] = useState<Notice>(null);

  const details = useFormErrors('details', DETAIL_FIELDS);
  const membership = useFormErrors('membership', MEMBERSHIP_FIELDS);
  const cert = useFormErrors('certification', CERT_FIELDS);
  const password = useFormErrors('password', PASSWORD_FIELDS);
  const summary = latestSummary(details, membership, cert, password);

  /** Store the Staff the server returned, and say what happened next to where it happened. */
  const saved = (next: Staff, text: string, place: NoticePlace) => {
    queryClient.setQueryData(staffKeys.detail(id), next);
    void queryClient.invalidateQueries({ queryKey: staffKeys.all, refetchType: 'none' });
    setNotice({ place, variant: 'success', text, key: Date.now() });
  };

  /** A failure that is not a field error: conflict → reload (at the top); else the server's title. */
  const failed = (err: unknown, place: NoticePlace, form?: FormErrors, conflictText?: string) => {
    if (form?.failFromApi(err)) {
      setNotice(null);
      return;
    }
    if (err instanceof ApiError && err.status === 409 && conflictText) {
      setNotice({
        place: 'top',
        variant: 'error',
        heading: t('errors.conflictHeading'),
        text: conflictText,
        reload: true,
        key: Date.now(),
      });
      return;
    }
    setNotice({
      place,
      variant: 'error',
      heading: t('errors.saveHeading'),
      text: err instanceof ApiError ? err.title : t('errors.unexpectedText'),
      key: Date.now(),
    });
  };
  const noticeFor = (place: NoticePlace) =>
    notice?.place === place ? <NoticeAlert notice={notice} onClose={() => setNotice(null)} onReload={reload} /> : null;

  const reload = async () => {
    setNotice(null);
    await staff.refetch();
  };

  if (staff.isPending) {
    return (
      <>
        <BackLink to="/admin/medarbejdere">{t('staffDetail.back')}</BackLink>
        <Spinner />
      </>
    );
  }
  if (staff.isError) {
    return (
      <>
        <PageTitle title={t('errors.loadHeading')} />
        <BackLink to="/admin/medarbejdere">{t('staffDetail.back')}</BackLink>
        {staff.error instanceof ApiError && staff.error.status === 404 ? (
          <>
            <h1>{t('errors.notFoundTitle')}</h1>
            <p>{staff.error.title}</p>
          </>
        ) : (
          <>
            <h1>{t('errors.loadHeading')}</h1>
            <ErrorState error={staff.error} onRetry={() => void staff.refetch()} />
          </>
        )}
      </>
    );
  }

  const s = staff.data;
  return (
    <>
      <PageTitle title={s.name} />
      <BackLink to="/admin/medarbejdere">{t('staffDetail.back')}</BackLink>
      <ErrorSummary items={summary.items} focusKey={summary.key} />
      <h1 className="mb-3">{s.name}</h1>
      <p className="spire-subtitle">
        {t(`profession.${s.profession}`)} · {s.username}{' '}
        {s.active ? (
          <Badge variant="success">{t('staff.active')}</Badge>
        ) : (
          <Badge>{t('staff.inactive')}</Badge>
        )}
      </p>
      {notice ? null : <Flash />}
      {noticeFor('top')}

      <div className="row">
        <div className="col-12 col-lg-7">
          <DetailsSection staff={s} form={details} onSaved={saved} onFailed={failed} notice={noticeFor('details')} />
        </div>
        <div className="col-12 col-lg-5">
          <AccountSection staff={s} onSaved={saved} onFailed={failed} notice={noticeFor('account')} />
        </div>
      </div>
      <MembershipsSection
        staff={s}
        form={membership}
        onSaved={saved}
        onFailed={failed}
        notice={noticeFor('memberships')}
      />
      <CertificationsSection
        staff={s}
        form={cert}
        onSaved={saved}
        onFailed={failed}
        notice={noticeFor('certifications')}
      />
      <PasswordSection
        staff={s}
        form={password}
        onDone={(text) => setNotice({ place: 'password', variant: 'success', text, key: Date.now() })}
        onFailed={failed}
        notice={noticeFor('password')}
      />
    </>
  );
}

interface SectionProps {
  staff: Staff;
  onSaved: (next: Staff, text: string, place: NoticePlace) => void;
  onFailed: (err: unknown, place: NoticePlace, form?: FormErrors, conflictText?: string) => void;
  /** This section's message, if the last action was here. */
  notice: ReactNode;
}

function Section({
  id,
  title,
  notice,
  children,
}: { id: string; title: string; notice?: ReactNode; children: ReactNode }) {
  return (
    <section className="spire-panel mt-7" aria-labelledby={id}>
      <h2 id={id} className="h3 mt-0">
        {title}
      </h2>
      {notice}
      {children}
    </section>
  );
}

function NoticeAlert({
  notice,
  onClose,
  onReload,
}: {
  notice: NonNullable<Notice>;
  onClose: () => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      variant={notice.variant}
      heading={notice.heading}
      announce
      focusKey={notice.key}
      className="mb-6"
      onClose={notice.reload ? undefined : onClose}
    >
      <p className="alert-text">{notice.text}</p>
      {notice.reload ? (
        <button type="button" className="button button-secondary mt-4" onClick={() => void onReload()}>
          {t('errors.reloadLatest')}
        </button>
      ) : null}
    </Alert>
  );
}

function DetailsSection({ staff, form, onSaved, onFailed, notice }: SectionProps & { form: FormErrors }) {
  const { t } = useTranslation();
  const initial = () => ({ name: staff.name, email: staff.email ?? '', profession: staff.profession as string });
  const [values, setValues] = useState(initial);
  const set = (key: keyof typeof values) => (v: string) => {
    setValues((s) => ({ ...s, [key]: v }));
  };

  // A new version from the server (after a save or "Genindlæs") replaces what is in the form.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on a new version only
  useEffect(() => {
    setValues(initial());
  }, [staff.version]);

  const mutation = useMutation({
    mutationFn: () =>
      updateStaff(staff.id, {
        version: staff.version,
        name: values.name.trim(),
        email: values.email.trim() || null,
        profession: values.profession as Profession,
      }),
    onSuccess: (next) => {
      form.clear();
      onSaved(next, t('staffDetail.saved', { name: next.name }), 'details');
    },
    onError: (err) => onFailed(err, 'details', form, t('errors.staffConflict')),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors = {
      name: values.name.trim() ? '' : t('staffForm.nameRequired'),
      email: values.email.trim() && !isEmail(values.email) ? t('staffForm.emailInvalid') : '',
      profession: values.profession ? '' : t('staffForm.professionRequired'),
    };
    if (form.fail(errors)) return;
    mutation.mutate();
  };

  return (
    <Section id="staff-details" title={t('staffDetail.detailsHeading')} notice={notice}>
      <form onSubmit={submit} noValidate>
        <TextField
          id={form.id('name')}
          label={t('staffForm.name')}
          value={values.name}
          onChange={set('name')}
          error={form.errors.name}
          autoComplete="off"
          required
        />
        <TextField id="details-username" label={t('staffForm.username')} value={staff.username} onChange={() => {}} disabled />
        <TextField
          id={form.id('email')}
          type="email"
          label={t('staffForm.email')}
          value={values.email}
          onChange={set('email')}
          error={form.errors.email}
          autoComplete="off"
          optional
        />
        <SelectField
          id={form.id('profession')}
          label={t('staffForm.profession')}
          value={values.profession}
          onChange={set('profession')}
          placeholder={t('staffForm.chooseProfession')}
          options={PROFESSIONS.map((p) => ({ value: p, label: t(`profession.${p}`) }))}
          error={form.errors.profession}
          required
        />
        <button type="submit" className="button button-primary mt-6" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('common.save')}
        </button>
      </form>
    </Section>
  );
}

function AccountSection({ staff, onSaved, onFailed, notice }: SectionProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: (active: boolean) => updateStaff(staff.id, { version: staff.version, active }),
    onSuccess: (next) => {
      setConfirming(false);
      onSaved(
        next,
        next.active ? t('staffDetail.activated', { name: next.name }) : t('staffDetail.deactivated', { name: next.name }),
        'account',
      );
    },
    onError: (err) => {
      setConfirming(false);
      onFailed(err, 'account', undefined, t('errors.staffConflict'));
    },
  });

  return (
    <Section id="staff-account" title={t('staffDetail.accountHeading')} notice={notice}>
      <p>
        {staff.active
          ? t('staffDetail.activeText', { name: staff.name })
          : t('staffDetail.inactiveText', { name: staff.name })}
      </p>
      {staff.active ? (
        <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
          {t('staffDetail.deactivate')}
        </button>
      ) : (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => mutation.mutate(true)}
          disabled={mutation.isPending}
        >
          {mutation.isPending ? t('common.saving') : t('staffDetail.activate')}
        </button>
      )}
      <Modal
        open={confirming}
        title={t('staffDetail.deactivateTitle', { name: staff.name })}
        onClose={() => setConfirming(false)}
        footer={
          <>
            <button
              type="button"
              className="button button-warning"
              onClick={() => mutation.mutate(false)}
              disabled={mutation.isPending}
            >
              {mutation.isPending ? t('common.saving') : t('staffDetail.deactivate')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </>
        }
      >
        <p>{t('staffDetail.deactivateText', { name: staff.name })}</p>
      </Modal>
    </Section>
  );
}

function membershipStatus(m: Membership, today: string): 'current' | 'ended' | 'future' {
  if (m.startsOn > today) return 'future';
  if (m.endsOn && m.endsOn < today) return 'ended';
  return 'current';
}

function MembershipsSection({ staff, form, onSaved, onFailed, notice }: SectionProps & { form: FormErrors }) {
  const { t } = useTranslation();
  const today = todayIso();
  const units = useQuery({ queryKey: organisationKeys.units({}), queryFn: () => listUnits({}) });
  const [values, setValues] = useState({ unitId: '', startsOn: today, endsOn: '' });
  const [ending, setEnding] = useState<Membership | null>(null);
  const set = (key: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [key]: v }));

  const add = useMutation({
    mutationFn: () =>
      addMembership(staff.id, {
        unitId: values.unitId,
        startsOn: values.startsOn,
        ...(values.endsOn ? { endsOn: values.endsOn } : {}),
      }),
    onSuccess: (next) => {
      const unit = units.data?.find((u) => u.id === values.unitId)?.name ?? '';
      setValues({ unitId: '', startsOn: today, endsOn: '' });
      form.clear();
      onSaved(next, t('staffDetail.membershipAdded', { name: next.name, unit }), 'memberships');
    },
    onError: (err) => onFailed(err, 'memberships', form),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors = {
      unitId: values.unitId ? '' : t('staffDetail.unitRequired'),
      startsOn: values.startsOn ? '' : t('staffDetail.startsOnRequired'),
      endsOn:
        values.endsOn && values.startsOn && values.endsOn < values.startsOn ? t('staffDetail.endsOnBeforeStart') : '',
    };
    if (form.fail(errors)) return;
    add.mutate();
  };

  const sorted = [...staff.memberships].sort((a, b) => (a.startsOn < b.startsOn ? 1 : -1));

  return (
    <Section id="staff-memberships" title={t('staffDetail.membershipsHeading')} notice={notice}>
      {sorted.length === 0 ? (
        <EmptyState title={t('staffDetail.noMemberships')}>{t('staffDetail.noMembershipsText')}</EmptyState>
      ) : (
        <DataTable<Membership>
          caption={t('staffDetail.membershipsCaption')}
          captionHidden
          rows={sorted}
          rowKey={(m) => m.id}
          columns={[
            { key: 'unit', header: t('staffDetail.colUnit'), rowHeader: true, render: (m) => m.unitName },
            { key: 'kind', header: t('staffDetail.colKind'), render: (m) => t(`unitKind.${m.unitKind}`) },
            { key: 'from', header: t('staffDetail.colStartsOn'), render: (m) => formatDate(m.startsOn) },
            {
              key: 'to',
              header: t('staffDetail.colEndsOn'),
              render: (m) => (m.endsOn ? formatDate(m.endsOn) : t('staffDetail.ongoing')),
            },
            {
              key: 'status',
              header: t('staffDetail.colStatus'),
              render: (m) => {
                const st = membershipStatus(m, today);
                return st === 'current' ? (
                  <Badge variant="success">{t('staffDetail.statusCurrent')}</Badge>
                ) : st === 'future' ? (
                  <Badge variant="info">{t('staffDetail.statusFuture')}</Badge>
                ) : (
                  <Badge>{t('staffDetail.statusEnded')}</Badge>
                );
              },
            },
            {
              key: 'actions',
              header: t('staffDetail.colActions'),
              render: (m) =>
                membershipStatus(m, today) === 'ended' ? null : (
                  <button type="button" className="button button-unstyled spire-link-button" onClick={() => setEnding(m)}>
                    {t('staffDetail.endMembership')}
                    <span className="sr-only"> {t('staffDetail.endMembershipSr', { unit: m.unitName })}</span>
                  </button>
                ),
            },
          ]}
        />
      )}

      <h3 className="h4 mt-7">{t('staffDetail.addMembershipHeading')}</h3>
      {units.isError ? <ErrorState error={units.error} onRetry={() => void units.refetch()} headingLevel={3} /> : null}
      <form onSubmit={submit} noValidate>
        <SelectField
          id={form.id('unitId')}
          label={t('staffDetail.unit')}
          value={values.unitId}
          onChange={set('unitId')}
          placeholder={units.isPending ? t('common.loading') : t('staffDetail.chooseUnit')}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${t(`unitKind.${u.kind}`)})` }))}
          error={form.errors.unitId}
          required
        />
        <div className="spire-inline-fields">
          <TextField
            id={form.id('startsOn')}
            type="date"
            label={t('staffDetail.startsOn')}
            value={values.startsOn}
            onChange={set('startsOn')}
            error={form.errors.startsOn}
            width="s"
            required
          />
          <TextField
            id={form.id('endsOn')}
            type="date"
            label={t('staffDetail.endsOn')}
            hint={t('staffDetail.endsOnHint')}
            value={values.endsOn}
            onChange={set('endsOn')}
            error={form.errors.endsOn}
            width="s"
            min={values.startsOn || undefined}
            optional
          />
        </div>
        <button type="submit" className="button button-primary mt-6" disabled={add.isPending}>
          {add.isPending ? t('common.saving') : t('staffDetail.addMembership')}
        </button>
      </form>

      <EndMembershipDialog
        membership={ending}
        onClose={() => setEnding(null)}
        onEnded={(next, m, endsOn) => {
          setEnding(null);
          onSaved(next, t('staffDetail.membershipEnded', { unit: m.unitName, date: formatDate(endsOn) }), 'memberships');
        }}
        onFailed={(err) => {
          setEnding(null);
          onFailed(err, 'memberships', undefined, t('errors.membershipConflict'));
        }}
      />
    </Section>
  );
}

function EndMembershipDialog({
  membership,
  onClose,
  onEnded,
  onFailed,
}: {
  membership: Membership | null;
  onClose: () => void;
  onEnded: (next: Staff, m: Membership, endsOn: string) => void;
  onFailed: (err: unknown) => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors('end-membership', END_FIELDS);
  const [endsOn, setEndsOn] = useState(todayIso());
  const inputRef = useRef<HTMLElement | null>(null);
  const { clear } = form;

  useEffect(() => {
    if (membership) {
      const today = todayIso();
      setEndsOn(membership.startsOn > today ? membership.startsOn : today);
      clear();
    }
  }, [membership, clear]);

  const mutation = useMutation({
    mutationFn: (m: Membership) => endMembership(m.id, { version: m.version, endsOn }),
    onSuccess: (next, m) => onEnded(next, m, endsOn),
    onError: (err) => {
      if (!form.failFromApi(err)) onFailed(err);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!membership) return;
    const error = !endsOn
      ? t('staffDetail.endDateRequired')
      : endsOn < membership.startsOn
        ? t('staffDetail.endDateBeforeStart', { date: formatDate(membership.startsOn) })
        : '';
    if (form.fail({ endsOn: error })) return;
    mutation.mutate(membership);
  };

  return (
    <Modal
      open={membership !== null}
      title={membership ? t('staffDetail.endDialogTitle', { unit: membership.unitName }) : ''}
      onClose={onClose}
      initialFocus={inputRef}
    >
      <form onSubmit={submit} noValidate>
        <ErrorSummary items={form.summary} focusKey={form.attempt} />
        <p>{t('staffDetail.endDialogText')}</p>
        <div
          ref={(el) => {
            inputRef.current = el?.querySelector('input') ?? null;
          }}
        >
          <TextField
            id={form.id('endsOn')}
            type="date"
            label={t('staffDetail.endDate')}
            value={endsOn}
            onChange={setEndsOn}
            error={form.errors.endsOn}
            width="s"
            min={membership?.startsOn}
            required
          />
        </div>
        <FormActions pending={mutation.isPending} submitLabel={t('staffDetail.endConfirm')} onCancel={onClose} cancelStyle="secondary" />
      </form>
    </Modal>
  );
}

function CertificationsSection({ staff, form, onSaved, onFailed, notice }: SectionProps & { form: FormErrors }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ kind: '', validFrom: todayIso(), validUntil: '' });
  const [removing, setRemoving] = useState<StaffCertification | null>(null);
  const set = (key: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [key]: v }));

  const add = useMutation({
    mutationFn: () =>
      addCertification(staff.id, {
        kind: values.kind as CertificationKind,
        validFrom: values.validFrom,
        ...(values.validUntil ? { validUntil: values.validUntil } : {}),
      }),
    onSuccess: (next) => {
      const kind = t(`certificationKind.${values.kind}`);
      setValues({ kind: '', validFrom: todayIso(), validUntil: '' });
      form.clear();
      onSaved(next, t('staffDetail.certificationAdded', { kind }), 'certifications');
    },
    onError: (err) => onFailed(err, 'certifications', form),
  });

  const remove = useMutation({
    mutationFn: (c: StaffCertification) => removeCertification(c.id),
    onSuccess: (next, c) => {
      setRemoving(null);
      onSaved(next, t('staffDetail.certificationRemoved', { kind: t(`certificationKind.${c.kind}`) }), 'certifications');
    },
    onError: (err) => {
      setRemoving(null);
      onFailed(err, 'certifications');
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors = {
      kind: values.kind ? '' : t('staffDetail.certKindRequired'),
      validFrom: values.validFrom ? '' : t('staffDetail.validFromRequired'),
      validUntil:
        values.validUntil && values.validFrom && values.validUntil < values.validFrom
          ? t('staffDetail.validUntilBeforeFrom')
          : '',
    };
    if (form.fail(errors)) return;
    add.mutate();
  };

  const today = todayIso();
  return (
    <Section id="staff-certifications" title={t('staffDetail.certificationsHeading')} notice={notice}>
      {staff.certifications.length === 0 ? (
        <EmptyState title={t('staffDetail.noCertifications')} />
      ) : (
        <DataTable<StaffCertification>
          caption={t('staffDetail.certificationsCaption')}
          captionHidden
          rows={staff.certifications}
          rowKey={(c) => c.id}
          columns={[
            { key: 'kind', header: t('staffDetail.colCertKind'), rowHeader: true, render: (c) => t(`certificationKind.${c.kind}`) },
            { key: 'from', header: t('staffDetail.colValidFrom'), render: (c) => formatDate(c.validFrom) },
            {
              key: 'until',
              header: t('staffDetail.colValidUntil'),
              render: (c) => (c.validUntil ? formatDate(c.validUntil) : t('certStatus.noEnd')),
            },
            {
              key: 'status',
              header: t('staffDetail.colStatus'),
              render: (c) =>
                c.validUntil && c.validUntil < today ? (
                  <Badge variant="error">{t('certStatus.expired')}</Badge>
                ) : (
                  <Badge variant="success">{t('certStatus.valid')}</Badge>
                ),
            },
            {
              key: 'actions',
              header: t('staffDetail.colActions'),
              render: (c) => (
                <button type="button" className="button button-unstyled spire-link-button" onClick={() => setRemoving(c)}>
                  {t('staffDetail.removeCertification')}
                  <span className="sr-only">
                    {' '}
                    {t('staffDetail.removeCertificationSr', { kind: t(`certificationKind.${c.kind}`) })}
                  </span>
                </button>
              ),
            },
          ]}
        />
      )}

      <h3 className="h4 mt-7">{t('staffDetail.addCertificationHeading')}</h3>
      <form onSubmit={submit} noValidate>
        <SelectField
          id={form.id('kind')}
          label={t('staffDetail.certKind')}
          value={values.kind}
          onChange={set('kind')}
          placeholder={t('staffDetail.chooseCertKind')}
          options={CERTIFICATION_KINDS.map((k) => ({ value: k, label: t(`certificationKind.${k}`) }))}
          error={form.errors.kind}
          required
        />
        <div className="spire-inline-fields">
          <TextField
            id={form.id('validFrom')}
            type="date"
            label={t('staffDetail.validFrom')}
            value={values.validFrom}
            onChange={set('validFrom')}
            error={form.errors.validFrom}
            width="s"
            required
          />
          <TextField
            id={form.id('validUntil')}
            type="date"
            label={t('staffDetail.validUntil')}
            hint={t('staffDetail.validUntilHint')}
            value={values.validUntil}
            onChange={set('validUntil')}
            error={form.errors.validUntil}
            width="s"
            min={values.validFrom || undefined}
            optional
          />
        </div>
        <button type="submit" className="button button-primary mt-6" disabled={add.isPending}>
          {add.isPending ? t('common.saving') : t('staffDetail.addCertification')}
        </button>
      </form>

      <Modal
        open={removing !== null}
        title={removing ? t('staffDetail.removeTitle', { kind: t(`certificationKind.${removing.kind}`) }) : ''}
        onClose={() => setRemoving(null)}
        footer={
          <>
            <button
              type="button"
              className="button button-warning"
              onClick={() => removing && remove.mutate(removing)}
              disabled={remove.isPending}
            >
              {remove.isPending ? t('common.saving') : t('staffDetail.removeConfirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setRemoving(null)}>
              {t('common.cancel')}
            </button>
          </>
        }
      >
        <p>{t('staffDetail.removeText', { name: staff.name })}</p>
      </Modal>
    </Section>
  );
}

function PasswordSection({
  staff,
  form,
  onDone,
  onFailed,
  notice,
}: {
  staff: Staff;
  form: FormErrors;
  onDone: (text: string) => void;
  onFailed: SectionProps['onFailed'];
  notice: ReactNode;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const mutation = useMutation({
    mutationFn: () => resetPassword(staff.id, value),
    onSuccess: () => {
      setValue('');
      form.clear();
      onDone(t('staffDetail.passwordReset', { name: staff.name }));
    },
    onError: (err) => onFailed(err, 'password', form),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const error = !value
      ? t('staffForm.passwordRequired')
      : value.length < MIN_PASSWORD_LENGTH
        ? t('staffForm.passwordTooShort')
        : '';
    if (form.fail({ password: error })) return;
    mutation.mutate();
  };
  return (
    <Section id="staff-password" title={t('staffDetail.passwordHeading')} notice={notice}>
      <p>{t('staffDetail.passwordIntro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          id={form.id('password')}
          type="password"
          label={t('staffDetail.newPassword')}
          hint={t('staffForm.passwordHint')}
          value={value}
          onChange={setValue}
          error={form.errors.password}
          autoComplete="new-password"
          required
        />
        <button type="submit" className="button button-secondary mt-6" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('staffDetail.resetPassword')}
        </button>
      </form>
    </Section>
  );
}
