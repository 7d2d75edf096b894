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
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'search';
  name?: string;
  autoComplete?: string;
  required?: boolean;
  width?: InputWidth;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  spellCheck?: boolean;
  disabled?: boolean;
  min?: string;
  max?: string;
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
  ...frame
}: TextFieldProps) {
  return (
    <FormField {...frame}>
      {(aria) => (
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
        />
      )}
    </FormField>
  );
}

export interface Option {
  value: string;
  label: string;
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
