import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { getHandover, HANDOVER_PARTS, type HandoverPart, handoverKeys, handoverPath } from '../../api/handover';
import { BackLink } from '../../components/BackLink';
import { ErrorState } from '../../components/ErrorState';
import { PageTitle } from '../../components/PageTitle';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../format';
import { ScreeningLine } from './HandoverPage';
import { SharedParts } from './shared';
import './handover.css';

/**
 * `/boern/:id/overlevering/:handoverId/print`: the printable handover (the "PDF"): the whole package
 * to go through with the parents, or, once sent, what was shared. "Print / gem som PDF" opens the
 * browser's print dialog; `@media print` hides the navigation.
 */
export function HandoverPrint() {
  const { t } = useTranslation();
  const { id = '', handoverId = '' } = useParams();
  const query = useQuery({ queryKey: handoverKeys.one(handoverId), queryFn: () => getHandover(handoverId) });
  const back = handoverPath(id, handoverId);
  if (query.isPending) return <Spinner />;
  if (query.isError) {
    return (
      <>
        <PageTitle title={t('errors.loadHeading')} />
        <BackLink to={back}>{t('handover.backToHandover')}</BackLink>
        <h1>{t('errors.loadHeading')}</h1>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const h = query.data;
  const draft = h.status === 'draft' ? h.draft : null;
  const text = (part: HandoverPart) => {
    if (!draft) return null;
    if (part === 'screenings') {
      const chosen = draft.availableScreenings.filter((s) => draft.screeningIds.includes(s.id));
      return chosen.length ? (
        <ul>
          {chosen.map((s) => (
            <li key={s.id}>
              <ScreeningLine s={s} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('handover.emptyPart')}</p>
      );
    }
    return <p className="spire-prewrap">{draft[part].trim() || t('handover.emptyPart')}</p>;
  };
  return (
    <div className="spire-handover-print">
      <PageTitle title={`${t('handover.printTitle')} – ${h.childName}`} />
      <div className="spire-no-print">
        <BackLink to={back}>{t('handover.backToHandover')}</BackLink>
        <button type="button" className="button button-primary mb-6" onClick={() => window.print()}>
          {t('handover.print')}
        </button>
      </div>
      <h1>{t('handover.printTitle')}</h1>
      <dl className="spire-facts">
        <div>
          <dt>{t('handover.printChild')}</dt>
          <dd>{h.childName}</dd>
        </div>
        <div>
          <dt>{t('handover.printUnit')}</dt>
          <dd>{h.unit.name}</dd>
        </div>
        <div>
          <dt>{t('handover.startsOn')}</dt>
          <dd>{formatDate(h.enrolment.startsOn)}</dd>
        </div>
      </dl>
      {draft ? (
        <>
          <p className="mt-6">{t('handover.printNote')}</p>
          {HANDOVER_PARTS.map((part) => (
            <section key={part} className="spire-handover-part" aria-labelledby={`print-${part}`}>
              <h2 id={`print-${part}`} className="h4">
                {t(`handover.part.${part}`)}
              </h2>
              {text(part)}
              <p>☐ {t('handover.consentPart', { part: t(`handover.part.${part}`) })}</p>
            </section>
          ))}
        </>
      ) : (
        <SharedParts h={h} />
      )}
    </div>
  );
}
