import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/types';
import { DAYCARE_KINDS, levelLabel, levelMeaning, type ScaleLevel } from '../../api/wellbeing';
import { RadioGroupField } from '../../components/FormField';
import { formatNumber } from '../../format';
import './wellbeing.css';

/** The user's daycare units (where wellbeing ratings are made). */
export const daycareUnits = (me: Me | null) => (me ? me.units.filter((u) => DAYCARE_KINDS.includes(u.kind)) : []);

/** A share 0–1 as "42 %". */
export function usePercent() {
  const { t } = useTranslation();
  return (share: number | null | undefined) =>
    share === null || share === undefined ? t('common.none') : t('wellbeing.percent', { value: formatNumber(share * 100) });
}

/** A level: a coloured dot and its label as text (never colour alone), optionally with its meaning. */
export function LevelBadge({ level, withMeaning }: { level: ScaleLevel; withMeaning?: boolean }) {
  return (
    <span>
      <span className="spire-level">
        <span className="spire-level-swatch" style={{ background: level.colour }} aria-hidden="true" />
        {levelLabel(level)}
      </span>
      {withMeaning ? <span className="spire-level-meaning">{levelMeaning(level)}</span> : null}
    </span>
  );
}

/**
 * A simple horizontal bar chart: a picture for sighted users (hidden from screen readers);
 * the same numbers are always in a table next to it.
 */
export function Bars({ items }: { items: { key: string; label: string; value: number; max: number; text: string; colour?: string }[] }) {
  return (
    <ul className="spire-bars nobullet-list" aria-hidden="true">
      {items.map((b) => (
        <li key={b.key}>
          <span>{b.label}</span>
          <span className="spire-bar-track">
            <span
              className="spire-bar-fill"
              style={{
                display: 'block',
                width: `${b.max > 0 ? Math.round((b.value / b.max) * 100) : 0}%`,
                background: b.colour,
              }}
            />
          </span>
          <span className="spire-bar-value">{b.text}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The concern scale as radio buttons: each level's coloured badge with its label (never colour
 * alone) and its plain-language meaning under it, lowest concern first.
 * @example <LevelRadios id="level" legend="Niveau" levels={scale.levels} value={level} onChange={setLevel} />
 */
export function LevelRadios({
  id,
  legend,
  hint,
  error,
  levels,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  levels: ScaleLevel[];
  value: string;
  onChange: (key: string) => void;
}) {
  const options = [...levels]
    .sort((a, b) => a.rank - b.rank)
    .map((level) => ({ value: level.key, label: <LevelBadge level={level} />, hint: levelMeaning(level) }));
  return <RadioGroupField id={id} legend={legend} hint={hint} error={error} options={options} value={value} onChange={onChange} />;
}
