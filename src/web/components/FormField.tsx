import type { ChangeEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** ARIA wiring that a field's control must carry (DKFDS "Fejlmeddelelser"). */
export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface FieldFrame {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Adds " (frivilligt)" to the label. */
  optional?: boolean;
  className?: string;
}

/**
 * DKFDS form group: label, hint, error message (above the field, with a hidden "Fejl: "), and
 * the control with `aria-invalid` and `aria-describedby="<hint-id> <error-id>"`.
 *
 * @example
 *   <FormField id="unit-name" label="Navn" error={errors.name}>
 *     {(aria) => <input className="form-input" {...aria} />}
 *   </FormField>
 */
export function FormField({
  id,
  label,
  hint,
  error,
  optional,
  className,
  children,
}: FieldFrame & { children: (control: ControlProps) => ReactNode }) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${error ? ' form-error' : ''}${className ? ` ${className}` : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
        {optional ? <span className="weight-normal">{t('common.optional')}</span> : null}
      </label>
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
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
    </div>
  );
}

type InputWidth = 'xs' | 's' | 'm' | 'l' | 'xl';

interface TextFieldProps extends FieldFrame {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'time' | 'search';
  name?: string;
  autoComplete?: string;
  required?: boolean;
  width?: InputWidth;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  spellCheck?: boolean;
  disabled?: boolean;
  min?: string;
  max?: string;
  /** A unit shown after the field (DKFDS "suffix"), e.g. "g" or "cm"; say it in the label too. */
  suffix?: string;
  step?: string;
}

/** A DKFDS text input (`input.form-input`) in a {@link FormField}. */
export function TextField({
  value,
  onChange,
  type = 'text',
  name,
  autoComplete,
  required,
  width,
  inputMode,
  spellCheck,
  disabled,
  min,
  max,
  suffix,
  step,
  ...frame
}: TextFieldProps) {
  return (
    <FormField {...frame}>
      {(aria) => {
        const input = (
        <input
          {...aria}
          className={`form-input${width ? ` input-width-${width}` : ''}`}
          type={type}
          name={name ?? frame.id}
          value={value}
          onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
          autoComplete={autoComplete}
          required={required}
          inputMode={inputMode}
          spellCheck={spellCheck}
          disabled={disabled}
          min={min}
          max={max}
          step={step}
        />
        );
        return suffix ? (
          <div className="form-input-wrapper form-input-wrapper--suffix">
            {input}
            <div className="form-input-suffix" aria-hidden="true">
              {suffix}
            </div>
          </div>
        ) : (
          input
        );
      }}
    </FormField>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A radio option: its label may carry markup (a coloured badge), and a hint is shown under it. */
export interface RadioOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface SelectFieldProps extends FieldFrame {
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  /** First option with value "" (e.g. "Vælg type" or "Alle typer"). */
  placeholder?: string;
  name?: string;
  required?: boolean;
  disabled?: boolean;
}

/** A DKFDS dropdown (`select.form-select`) in a {@link FormField}. */
export function SelectField({ value, onChange, options, placeholder, name, required, disabled, ...frame }: SelectFieldProps) {
  return (
    <FormField {...frame}>
      {(aria) => (
        <select
          {...aria}
          className="form-select"
          name={name ?? frame.id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          required={required}
          disabled={disabled}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

interface TextAreaFieldProps extends FieldFrame {
  value: string;
  onChange: (value: string) => void;
  name?: string;
  rows?: number;
  required?: boolean;
  maxLength?: number;
  /** As wide as the text column (for journal notes), not DKFDS's default field width. */
  wide?: boolean;
}

/** A DKFDS text area (`textarea.form-input`) in a {@link FormField}. */
export function TextAreaField({ value, onChange, name, rows = 6, required, maxLength, wide, ...frame }: TextAreaFieldProps) {
  return (
    <FormField {...frame}>
      {(aria) => (
        <textarea
          {...aria}
          className={`form-input${wide ? ' spire-textarea-wide' : ''}`}
          name={name ?? frame.id}
          rows={rows}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          required={required}
          maxLength={maxLength}
        />
      )}
    </FormField>
  );
}

/**
 * A DKFDS checkbox (`div.form-group-checkbox > input.form-checkbox + label`), with an optional
 * hint below the label.
 *
 * @example <CheckboxField id="g-custody" label="Har forældremyndighed" checked={v} onChange={setV} />
 */
export function CheckboxField({
  id,
  label,
  hint,
  checked,
  onChange,
  disabled,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  className?: string;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={`form-group-checkbox${className ? ` ${className}` : ''}`}>
      <input
        type="checkbox"
        id={id}
        name={id}
        className="form-checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        disabled={disabled}
        aria-describedby={hintId}
      />
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className="form-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/**
 * DKFDS radio buttons: a `fieldset` with a `legend`, hint and error message, one
 * `div.form-group-radio` per option. The first option gets `id` (so an error summary link lands
 * on it); the others `id-<value>`.
 */
export function RadioGroupField({
  id,
  legend,
  hint,
  error,
  value,
  onChange,
  options,
  optional,
  className,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  options: RadioOption[];
  optional?: boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${error ? ' form-error' : ''}${className ? ` ${className}` : ''}`}>
      <fieldset aria-describedby={describedBy}>
        <legend className="form-label">
          {legend}
          {optional ? <span className="weight-normal">{t('common.optional')}</span> : null}
        </legend>
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
        {options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${o.value}`;
          return (
            <div className="form-group-radio" key={o.value}>
              <input
                type="radio"
                className="form-radio"
                id={optionId}
                name={id}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
                aria-describedby={o.hint ? `${optionId}-hint` : undefined}
              />
              <label className="form-label" htmlFor={optionId}>
                {o.label}
              </label>
              {o.hint ? (
                <span className="form-hint" id={`${optionId}-hint`}>
                  {o.hint}
                </span>
              ) : null}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
