import { useTranslation } from 'react-i18next';
import { HANDOVER_PARTS, type Handover, type HandoverSummary } from '../../api/handover';
import { Badge } from '../../components/Badge';
import { formatDate, todayIso } from '../../format';

/** The handover's status as a badge, with the 5-working-day flag when unacknowledged. */
export function HandoverStatus({ status, flagged, startsOn }: { status: HandoverSummary['status']; flagged: boolean; startsOn?: string }) {
  const { t } = useTranslation();
  const variant = status === 'acknowledged' ? 'success' : status === 'sent' ? 'info' : 'warning';
  // Not yet sent and the child has already started in daycare: late, said in words.
  const late = (status === 'due' || status === 'draft') && startsOn !== undefined && startsOn < todayIso();
  return (
    <span className="spire-badges">
      <Badge variant={variant}>{t(`handover.status.${status}`)}</Badge>
      {late ? <Badge variant="error">{t('handover.late')}</Badge> : null}
      {flagged ? <Badge variant="error">{t('handover.flagged')}</Badge> : null}
    </span>
  );
}

/** The parts that were shared and may be read, as frozen when sent (recipients see exactly these). */
export function SharedParts({ h }: { h: Handover }) {
  const { t } = useTranslation();
  if (h.shared.length === 0) return <p>{t('handover.sharedNone')}</p>;
  // The health visitor also sees which parts the parents did not agree to share (names only).
  const notShared = h.role === 'health_visitor' && h.status !== 'draft' ? HANDOVER_PARTS.filter((p) => !h.shared.some((s) => s.part === p)) : [];
  return (
    <>
      {notShared.length ? (
        <p>
          <strong>{t('handover.notShared')}:</strong> {notShared.map((p) => t(`handover.part.${p}`)).join(', ')}
        </p>
      ) : null}
      {h.shared.map((p) => (
        <section key={p.part} className="spire-handover-part" aria-labelledby={`part-${p.part}`}>
          <h3 id={`part-${p.part}`} className="h4">
            {t(`handover.part.${p.part}`)}
          </h3>
          {p.text !== undefined ? <p className="spire-prewrap">{p.text}</p> : null}
          {p.screenings ? (
            <ul>
              {p.screenings.map((s) => (
                <li key={`${s.instrument}-${s.observedOn}`}>
                  {t('handover.screeningLine', {
                    instrument: t(`instrumentShort.${s.instrument}`),
                    date: formatDate(s.observedOn),
                    total: s.total ?? '–',
                    result: s.positive ? t('handover.screeningPositive') : t('handover.screeningNegative'),
                  })}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </>
  );
}
