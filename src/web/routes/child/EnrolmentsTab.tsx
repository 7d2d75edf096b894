import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addEnrolment, childKeys, endEnrolment } from '../../api/children';
import { listUnits, organisationKeys } from '../../api/organisation';
import type { ChildDetail, Enrolment } from '../../api/types';
import { ENROLMENT_UNIT_KINDS } from '../../childText';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/FormField';
import { Modal } from '../../components/Modal';
import { usePageSummary } from '../../components/PageSummary';
import { formatDate, todayIso } from '../../format';
import { useFormErrors } from '../../forms';
import { Section, useNotice } from './shared';
import { FormActions } from '../../components/FormActions';

/** "Dagtilbud og skole": enrolments (also a planned start); the health-visiting unit adds and ends them. */
export function EnrolmentsTab({ child, onReload }: { child: ChildDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const notice = useNotice(onReload);
  const queryClient = useQueryClient();
  const [ending, setEnding] = useState<Enrolment | null>(null);
  return (
    <Section id="enrolments" title={t('enrolment.heading')}>
      {notice.node}
      {child.enrolments.length === 0 ? (
        <EmptyState title={t('enrolment.none')}>{t('enrolment.noneText')}</EmptyState>
      ) : (
        <DataTable<Enrolment>
          caption={t('enrolment.heading')}
          captionHidden
          rows={child.enrolments}
          rowKey={(e) => e.id}
          columns={[
            { key: 'unit', header: t('enrolment.colUnit'), rowHeader: true, render: (e) => e.unitName },
            { key: 'kind', header: t('enrolment.colKind'), render: (e) => t(`unitKind.${e.unitKind}`, { defaultValue: e.unitKind }) },
            { key: 'from', header: t('enrolment.colFrom'), className: 'spire-nowrap', render: (e) => formatDate(e.startsOn) },
            {
              key: 'to',
              header: t('enrolment.colTo'),
              className: 'spire-nowrap',
              render: (e) => (e.endsOn ? formatDate(e.endsOn) : t('staffDetail.ongoing')),
            },
            {
              key: 'state',
              header: t('enrolment.colState'),
              render: (e) =>
                e.state === 'current' ? (
                  <Badge variant="success">{t('enrolment.current')}</Badge>
                ) : e.state === 'planned' ? (
                  <Badge variant="info">{t('enrolment.planned')}</Badge>
                ) : (
                  <Badge>{t('enrolment.ended')}</Badge>
                ),
            },
            ...(child.access.edit
              ? [
                  {
                    key: 'actions',
                    header: t('enrolment.colActions'),
                    render: (e: Enrolment) =>
                      e.state === 'ended' ? null : (
                        <button type="button" className="button button-unstyled spire-link-button" onClick={() => setEnding(e)}>
                          {e.endsOn ? t('enrolment.changeEnd') : t('enrolment.end')}
                          <span className="sr-only"> {e.unitName}</span>
                        </button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {child.access.edit ? <AddEnrolment child={child} onAdded={(text) => notice.success(text)} /> : null}
      <EndEnrolmentDialog
        enrolment={ending}
        onClose={() => setEnding(null)}
        onDone={(next, text) => {
          queryClient.setQueryData(childKeys.detail(child.id), next);
          setEnding(null);
          notice.success(text);
        }}
        onFailed={(err) => {
          setEnding(null);
          notice.fail(err, undefined, t('enrolment.conflict'));
        }}
      />
    </Section>
  );
}

const ADD_FIELDS = ['unitId', 'startsOn', 'endsOn'] as const;

function AddEnrolment({ child, onAdded }: { child: ChildDetail; onAdded: (text: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors('enrolment', ADD_FIELDS);
  usePageSummary(form);
  const notice = useNotice();
  const [open, setOpen] = useState(false);
  const units = useQuery({ queryKey: organisationKeys.units({}), queryFn: () => listUnits({}), enabled: open });
  const [values, setValues] = useState({ unitId: '', startsOn: todayIso(), endsOn: '' });
  const set = (key: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [key]: v }));
  const options = (units.data ?? [])
    .filter((u) => ENROLMENT_UNIT_KINDS.includes(u.kind))
    .map((u) => ({ value: u.id, label: `${u.name} (${t(`unitKind.${u.kind}`)})` }));
  const mutation = useMutation({
    mutationFn: () => addEnrolment(child.id, { unitId: values.unitId, startsOn: values.startsOn, endsOn: values.endsOn || null }),
    onSuccess: (next) => {
      queryClient.setQueryData(childKeys.detail(child.id), next);
      const unit = options.find((o) => o.value === values.unitId)?.label ?? '';
      setValues({ unitId: '', startsOn: todayIso(), endsOn: '' });
      setOpen(false);
      form.clear();
      onAdded(t('enrolment.added', { unit, date: formatDate(values.startsOn) }));
    },
    onError: (err) => notice.fail(err, form),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors = {
      unitId: values.unitId ? '' : t('enrolment.unitRequired'),
      startsOn: values.startsOn ? '' : t('enrolment.startsOnRequired'),
      endsOn: values.endsOn && values.endsOn < values.startsOn ? t('enrolment.endBeforeStart') : '',
    };
    if (form.fail(errors)) return;
    mutation.mutate();
  };
  return (
    <>
      {notice.node}
      {open ? (
        <form onSubmit={submit} noValidate className="spire-inline-form">
          <h3 className="h4 mt-0">{t('enrolment.addHeading')}</h3>
          <SelectField
            id={form.id('unitId')}
            label={t('enrolment.unit')}
            value={values.unitId}
            onChange={set('unitId')}
            placeholder={units.isPending ? t('common.loading') : t('enrolment.chooseUnit')}
            options={options}
            error={form.errors.unitId}
            required
          />
          <div className="spire-inline-fields">
            <TextField id={form.id('startsOn')} type="date" label={t('enrolment.startsOn')} hint={t('enrolment.startsOnHint')} value={values.startsOn} onChange={set('startsOn')} error={form.errors.startsOn} width="s" required />
            <TextField id={form.id('endsOn')} type="date" label={t('enrolment.endsOn')} hint={t('staffDetail.endsOnHint')} value={values.endsOn} onChange={set('endsOn')} error={form.errors.endsOn} min={values.startsOn || undefined} width="s" optional />
          </div>
          <FormActions pending={mutation.isPending} submitLabel={t('enrolment.addSubmit')} onCancel={() => setOpen(false)} />
        </form>
      ) : (
        <button type="button" className="button button-secondary mt-5" onClick={() => setOpen(true)}>
          {t('enrolment.add')}
        </button>
      )}
    </>
  );
}

const END_FIELDS = ['endsOn'] as const;

function EndEnrolmentDialog({
  enrolment,
  onClose,
  onDone,
  onFailed,
}: {
  enrolment: Enrolment | null;
  onClose: () => void;
  onDone: (next: ChildDetail, text: string) => void;
  onFailed: (err: unknown) => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors('end-enrolment', END_FIELDS);
  const [endsOn, setEndsOn] = useState(todayIso());
  const inputRef = useRef<HTMLElement | null>(null);
  const { clear } = form;
  useEffect(() => {
    if (!enrolment) return;
    const today = todayIso();
    setEndsOn(enrolment.endsOn ?? (enrolment.startsOn > today ? enrolment.startsOn : today));
    clear();
  }, [enrolment, clear]);
  const mutation = useMutation({
    mutationFn: (e: Enrolment) => endEnrolment(e, endsOn),
    onSuccess: (next, e) => onDone(next, t('enrolment.endSaved', { unit: e.unitName, date: formatDate(endsOn) })),
    onError: (err) => {
      if (!form.failFromApi(err)) onFailed(err);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!enrolment) return;
    const error = !endsOn
      ? t('enrolment.endRequired')
      : endsOn < enrolment.startsOn
        ? t('enrolment.endBeforeStartDate', { date: formatDate(enrolment.startsOn) })
        : '';
    if (form.fail({ endsOn: error })) return;
    mutation.mutate(enrolment);
  };
  return (
    <Modal open={enrolment !== null} title={enrolment ? t('enrolment.endTitle', { unit: enrolment.unitName }) : ''} onClose={onClose} initialFocus={inputRef}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary items={form.summary} focusKey={form.attempt} />
        <p>{t('enrolment.endText')}</p>
        <div
          ref={(el) => {
            inputRef.current = el?.querySelector('input') ?? null;
          }}
        >
          <TextField id={form.id('endsOn')} type="date" label={t('enrolment.lastDay')} value={endsOn} onChange={setEndsOn} error={form.errors.endsOn} min={enrolment?.startsOn} width="s" required />
        </div>
        <FormActions pending={mutation.isPending} submitLabel={t('enrolment.endConfirm')} onCancel={onClose} cancelStyle="secondary" />
      </form>
    </Modal>
  );
}
