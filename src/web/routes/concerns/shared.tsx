import { useTranslation } from 'react-i18next';
import type { SparringStatus } from '../../api/concerns';
import type { Me, UnitKind } from '../../api/types';
import { levelMeaning, type ScaleLevel } from '../../api/wellbeing';
import { Badge } from '../../components/Badge';
import { LevelBadge } from '../wellbeing/shared';

/** Units whose staff raise concerns and ask for sparring: daycare, school and health visiting. */
const SPARRING_KINDS: UnitKind[] = ['childminding', 'nursery', 'kindergarten', 'integrated_daycare', 'school', 'after_school', 'club', 'health_visiting'];

/** Whether the user gets the "Sparring" screen: social workers (their queue) and staff of daycare, school and health units (their requests). */
export function seesSparring(user: Me | null): boolean {
  if (!user) return false;
  return user.profession === 'social_worker' || user.units.some((u) => SPARRING_KINDS.includes(u.kind));
}

/** A request's status as a DKFDS badge. */
export function SparringStatusBadge({ status }: { status: SparringStatus }) {
  const { t } = useTranslation();
  const variant = status === 'waiting' ? 'warning' : status === 'taken' ? 'info' : 'success';
  return <Badge variant={variant}>{t(`concerns.status.${status}`)}</Badge>;
}

/** The concern scale as radio buttons: colour swatch, label and meaning for each level (never colour alone). */
export function LevelChooser({
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
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const sorted = [...levels].sort((a, b) => a.rank - b.rank);
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
        <legend className="form-label">{legend}</legend>
        {hint ? (
          <span className="form-hint" id={hintId}>
            {hint}
          </span>
        ) : null}
        {error ? (
          <span className="form-error-message" id={errorId}>
            <span className="sr-only">{t('common.errorPrefix')}</span>
            {error}
          </span>
        ) : null}
        {sorted.map((level, i) => {
          const optionId = i === 0 ? id : `${id}-${level.key}`;
          return (
            <div className="form-group-radio" key={level.key}>
              <input
                type="radio"
                className="form-radio"
                id={optionId}
                name={id}
                value={level.key}
                checked={value === level.key}
                onChange={() => onChange(level.key)}
                aria-describedby={`${optionId}-meaning`}
              />
              <label className="form-label" htmlFor={optionId}>
                <LevelBadge level={level} />
              </label>
              <span className="form-hint" id={`${optionId}-meaning`}>
                {levelMeaning(level)}
              </span>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

/** A DKFDS radio group with two or more plain options. */
export function RadioChoice({
  id,
  legend,
  error,
  options,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  error?: string;
  options: { value: string; label: string; hint?: string }[];
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={errorId}>
        <legend className="form-label">{legend}</legend>
        {error ? (
          <span className="form-error-message" id={errorId}>
            <span className="sr-only">{t('common.errorPrefix')}</span>
            {error}
          </span>
        ) : null}
        {options.map((option, i) => {
          const optionId = i === 0 ? id : `${id}-${option.value}`;
          return (
            <div className="form-group-radio" key={option.value}>
              <input
                type="radio"
                className="form-radio"
                id={optionId}
                name={id}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              />
              <label className="form-label" htmlFor={optionId}>
                {option.label}
              </label>
              {option.hint ? (
                <span className="form-hint" id={`${optionId}-hint`}>
                  {option.hint}
                </span>
              ) : null}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
