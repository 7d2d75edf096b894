import { useId } from 'react';

export interface ScorePoint {
  key: string;
  x: number;
  y: number;
  /** At or above the cut-off (or urgent): drawn as a filled square, not only in another colour. */
  alert: boolean;
}

/**
 * A small inline SVG line chart of screening totals with the cut-off as a dashed line. It is a
 * picture (`role="img"` with a title); the numbers are in the accessible table next to it.
 *
 * @example
 *   <ScoreChart title="ADBB, grænseværdi 5" xLabel="Alder (måneder)" yLabel="Total" xMin={0} xMax={24}
 *     xTicks={[0, 6, 12, 18, 24]} formatX={String} yMax={32} cutOff={5} cutOffLabel="Grænse 5" points={[…]} />
 */
export function ScoreChart({
  title,
  xLabel,
  yLabel,
  xMin,
  xMax,
  xTicks,
  formatX,
  yMax,
  cutOff,
  cutOffLabel,
  points,
}: {
  title: string;
  xLabel: string;
  yLabel: string;
  xMin: number;
  xMax: number;
  xTicks: number[];
  formatX: (x: number) => string;
  yMax: number;
  cutOff: number;
  cutOffLabel: string;
  points: ScorePoint[];
}) {
  const titleId = `chart-${useId().replace(/:/g, '')}`;
  const W = 480;
  const H = 260;
  const left = 44;
  const right = 16;
  const top = 16;
  const bottom = 46;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const sx = (x: number) => left + ((x - xMin) / (xMax - xMin || 1)) * plotW;
  const sy = (y: number) => top + plotH - (y / (yMax || 1)) * plotH;
  const yStep = yMax > 20 ? 8 : yMax > 10 ? 5 : 2;
  const yTicks = Array.from({ length: Math.floor(yMax / yStep) + 1 }, (_, i) => i * yStep);
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const path = sorted.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  return (
    <figure className="spire-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} className="spire-chart-svg">
        <title id={titleId}>{title}</title>
        {yTicks.map((y) => (
          <g key={`y${y}`}>
            <line x1={left} x2={W - right} y1={sy(y)} y2={sy(y)} className="spire-chart-grid" />
            <text x={left - 6} y={sy(y) + 4} textAnchor="end" className="spire-chart-tick">
              {y}
            </text>
          </g>
        ))}
        {xTicks.map((x) => (
          <text key={`x${x}`} x={sx(x)} y={top + plotH + 16} textAnchor="middle" className="spire-chart-tick">
            {formatX(x)}
          </text>
        ))}
        <line x1={left} x2={W - right} y1={sy(cutOff)} y2={sy(cutOff)} className="spire-chart-cutoff" />
        <text x={W - right} y={sy(cutOff) - 5} textAnchor="end" className="spire-chart-cutoff-label">
          {cutOffLabel}
        </text>
        <line x1={left} x2={left} y1={top} y2={top + plotH} className="spire-chart-axis" />
        <line x1={left} x2={W - right} y1={top + plotH} y2={top + plotH} className="spire-chart-axis" />
        {sorted.length > 1 ? <path d={path} className="spire-chart-line" /> : null}
        {sorted.map((p) =>
          p.alert ? (
            <rect key={p.key} x={sx(p.x) - 5} y={sy(p.y) - 5} width={10} height={10} className="spire-chart-point spire-chart-point-alert" />
          ) : (
            <circle key={p.key} cx={sx(p.x)} cy={sy(p.y)} r={5} className="spire-chart-point" />
          ),
        )}
        <text x={left + plotW / 2} y={H - 6} textAnchor="middle" className="spire-chart-label">
          {xLabel}
        </text>
        <text x={12} y={top + plotH / 2} textAnchor="middle" transform={`rotate(-90 12 ${top + plotH / 2})`} className="spire-chart-label">
          {yLabel}
        </text>
      </svg>
    </figure>
  );
}
