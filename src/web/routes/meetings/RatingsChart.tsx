import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../api/meetings';
import { formatDate } from '../../format';

const COLOURS = ['#0059b3', '#b3006b', '#006b3c', '#8a4a00', '#5a2ca0', '#1a1a1a', '#007a87', '#a30000'];
const DASHES = ['', '6 4', '2 3', '10 3 2 3', '1 5', '8 8', '4 2 1 2', '12 4'];

/**
 * Each participant's 0–10 rating across the chain of follow-up meetings (first meeting → this
 * one): an SVG line chart (one line per participant, told apart by colour, dash pattern and a
 * name label at the end) with the same numbers in a table beside it.
 */
export function RatingsChart({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const titleId = `ratings-chart-${useId().replace(/:/g, '')}`;
  const { meetings, series } = meeting.ratingsOverTime;
  if (series.length === 0) return null;
  const W = 560;
  const H = 300;
  const left = 40;
  const right = 130;
  const top = 16;
  const bottom = 40;
  const n = meetings.length;
  const sx = (i: number) => (n > 1 ? left + (i * (W - left - right)) / (n - 1) : left + (W - left - right) / 2);
  const sy = (v: number) => top + ((10 - v) / 10) * (H - top - bottom);
  // Name labels at the end of each line, pushed apart so that equal ratings do not overlap.
  const labelY = new Map<string, number>();
  const ends = series
    .map((s) => {
      const lastIndex = s.ratings.map((r, i) => (r === null ? -1 : i)).reduce((a, b) => Math.max(a, b), -1);
      return { key: s.key, y: lastIndex >= 0 ? sy(s.ratings[lastIndex] as number) : 0 };
    })
    .sort((a, b) => a.y - b.y);
  let previous = -Infinity;
  for (const end of ends) {
    const y = Math.max(end.y, previous + 15);
    labelY.set(end.key, y);
    previous = y;
  }
  return (
    <section aria-labelledby="chart-heading" className="mb-8">
      <h2 id="chart-heading">{t('meetings.chart.heading')}</h2>
      <p>{t('meetings.chart.intro')}</p>
      {n < 2 ? <p className="form-hint">{t('meetings.chart.onlyOne')}</p> : null}
      <div className="spire-chart-layout">
        <figure className="spire-chart">
          <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId}>
            <title id={titleId}>{t('meetings.chart.title')}</title>
            {[0, 2, 4, 6, 8, 10].map((v) => (
              <g key={v}>
                <line x1={left} x2={W - right} y1={sy(v)} y2={sy(v)} stroke="#d0d0d0" />
                <text x={left - 8} y={sy(v) + 4} textAnchor="end" fontSize="14" fill="#1a1a1a">
                  {v}
                </text>
              </g>
            ))}
            {meetings.map((m, i) => (
              <text key={m.meetingId} x={sx(i)} y={H - 14} textAnchor="middle" fontSize="14" fill="#1a1a1a">
                {formatDate(m.heldOn)}
              </text>
            ))}
            {series.map((s, k) => {
              const colour = COLOURS[k % COLOURS.length];
              const points = s.ratings.map((r, i) => (r === null ? null : { x: sx(i), y: sy(r) })).filter((p): p is { x: number; y: number } => p !== null);
              const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
              const last = points.at(-1);
              return (
                <g key={s.key}>
                  {points.length > 1 ? <path d={path} fill="none" stroke={colour} strokeWidth={2.5} strokeDasharray={DASHES[k % DASHES.length]} /> : null}
                  {points.map((p) => (
                    <circle key={`${p.x}-${p.y}`} cx={p.x} cy={p.y} r={5} fill={colour} stroke="#fff" strokeWidth={1.5} />
                  ))}
                  {last ? (
                    <text x={last.x + 10} y={(labelY.get(s.key) ?? last.y) + 4} fontSize="14" fill={colour}>
                      {s.name.split(' ')[0]}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </svg>
        </figure>
        <div className="table--responsive-scroll">
          <table className="table table--zebra table--compact">
            <caption>{t('meetings.chart.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.chart.participant')}</th>
                {meetings.map((m) => (
                  <th scope="col" key={m.meetingId} className="align-text-right">
                    {t('meetings.chart.meeting', { date: formatDate(m.heldOn) })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.map((s) => (
                <tr key={s.key}>
                  <th scope="row">{s.name}</th>
                  {s.ratings.map((r, i) => (
                    <td key={meetings[i]?.meetingId ?? i} className="align-text-right">
                      {r === null ? t('meetings.chart.none') : r}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
