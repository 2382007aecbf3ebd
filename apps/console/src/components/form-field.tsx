import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface FormFieldProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  testId: string;
  children: (control: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** A labelled control with its validation message (or a hint) beside it, announced to screen readers. */
export function FormField({ label, error, hint, testId, children }: FormFieldProps) {
  const id = useId();
  const noteId = `${id}-note`;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, describedBy: error || hint ? noteId : undefined, invalid: Boolean(error) })}
      {error ? (
        <span className="field__error" id={noteId} data-testid={`${testId}-error`}>
          {error}
        </span>
      ) : (
        hint && (
          <span className="muted field__hint" id={noteId}>
            {hint}
          </span>
        )
      )}
    </div>
  );
}

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  testId: string;
  type?: 'text' | 'password' | 'date' | 'datetime-local' | 'number' | 'email' | 'tel';
  autoComplete?: string;
  placeholder?: string;
  min?: number;
  max?: number;
}

export function TextField({ label, value, onChange, error, hint, testId, type = 'text', ...rest }: TextFieldProps) {
  return (
    <FormField label={label} error={error} hint={hint} testId={testId}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          className="field__input"
          data-testid={testId}
          type={type}
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
          {...rest}
        />
      )}
    </FormField>
  );
}

export function TextAreaField({ label, value, onChange, error, testId }: Omit<TextFieldProps, 'type'>) {
  return (
    <FormField label={label} error={error} testId={testId}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          className="field__input"
          data-testid={testId}
          rows={3}
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}

export interface SelectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
  testId: string;
}

export function SelectField({ label, value, onChange, options, error, testId }: SelectFieldProps) {
  return (
    <FormField label={label} error={error} testId={testId}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          className="field__input"
          data-testid={testId}
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** The server's reason for refusing a request, in words, above the form's buttons. */
export function FormError({ message, testId = 'form-error' }: { message: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert" data-testid={testId}>
      {message}
    </p>
  );
}

export interface FormActionsProps {
  pending: boolean;
  onCancel: () => void;
  testIdPrefix: string;
  /** The save button's text; "Save" in the user's language when not given. */
  saveLabel?: string;
}

export function FormActions({ pending, onCancel, testIdPrefix, saveLabel }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button className="button button--primary" type="submit" disabled={pending} data-testid={`${testIdPrefix}-save`}>
        {pending ? t('action.saving') : (saveLabel ?? t('action.save'))}
      </button>
      <button
        className="button"
        type="button"
        onClick={onCancel}
        disabled={pending}
        data-testid={`${testIdPrefix}-cancel`}
      >
        {t('action.cancel')}
      </button>
    </div>
  );
}
