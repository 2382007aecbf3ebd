import { ALARM_CATEGORIES } from '@arc/shared/alarm';
import {
  TRANSMITTER_PROTOCOLS,
  TransmitterInputSchema,
  type Transmitter,
  type TransmitterInput,
} from '@arc/shared/directory';
import { useState, type FormEvent } from 'react';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { FormActions, FormError, SelectField, TextField } from '../../../components/form-field';

export interface TransmitterFormProps {
  siteId: string;
  initial?: Transmitter;
  onSave: (input: TransmitterInput) => Promise<void>;
  onCancel: () => void;
}

/** What happens to the stored key: the key itself is write-only and never comes back. */
type KeyAction = 'keep' | 'replace' | 'remove';

const PROTOCOL_OPTIONS = TRANSMITTER_PROTOCOLS.map((p) => ({ value: p, label: p }));
/** No default: a 32-character key of hex digits is a valid key in either format, with other bytes. */
const KEY_FORMAT_OPTIONS = [
  { value: '', label: '— choose —' },
  { value: 'hex', label: 'Hex digits (32, 48 or 64)' },
  { value: 'text', label: 'Text (16, 24 or 32 characters)' },
];
const CATEGORY_OPTIONS = [
  { value: '', label: '— not set —' },
  ...ALARM_CATEGORIES.map((c) => ({ value: c, label: c })),
];

export function TransmitterForm({ siteId, initial, onSave, onCancel }: TransmitterFormProps) {
  const [account, setAccount] = useState(initial?.account ?? '');
  const [protocol, setProtocol] = useState<string>(initial?.protocol ?? 'ANY');
  const [interval, setIntervalText] = useState(initial?.supervisionIntervalSeconds?.toString() ?? '');
  const [category, setCategory] = useState<string>(initial?.inputCategory ?? '');
  const [keyAction, setKeyAction] = useState<KeyAction>(initial?.encrypted ? 'keep' : 'replace');
  const [key, setKey] = useState('');
  const [keyFormat, setKeyFormat] = useState('');
  const [requireEncryption, setRequireEncryption] = useState(initial?.requireEncryption ?? false);
  const form = useSchemaForm(TransmitterInputSchema, onSave);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({
      account,
      siteId,
      protocol,
      supervisionIntervalSeconds: interval.trim() === '' ? null : Number(interval),
      inputCategory: category || null,
      encryptionKey: keyField(keyAction, key, keyFormat, initial?.encrypted ?? false),
      requireEncryption,
    });
  };

  return (
    <form
      className="edit-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={initial ? 'Edit transmitter' : 'New transmitter'}
    >
      <div className="edit-form__row">
        <TextField
          label="Account"
          testId="tx-account"
          value={account}
          onChange={setAccount}
          error={form.errors.account}
        />
        <SelectField
          label="Protocol"
          testId="tx-protocol"
          options={PROTOCOL_OPTIONS}
          value={protocol}
          onChange={setProtocol}
          error={form.errors.protocol}
        />
      </div>
      <div className="edit-form__row">
        <TextField
          label="Supervision interval (s)"
          testId="tx-interval"
          type="number"
          value={interval}
          onChange={setIntervalText}
          error={form.errors.supervisionIntervalSeconds}
        />
        <SelectField
          label="Input category"
          testId="tx-category"
          options={CATEGORY_OPTIONS}
          value={category}
          onChange={setCategory}
          error={form.errors.inputCategory}
        />
      </div>
      <KeyControl
        encrypted={initial?.encrypted ?? false}
        action={keyAction}
        onAction={setKeyAction}
        value={key}
        onChange={setKey}
        format={keyFormat}
        onFormat={setKeyFormat}
        error={form.errors['encryptionKey.value'] ?? form.errors.encryptionKey}
        formatError={form.errors['encryptionKey.format']}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={requireEncryption}
          data-testid="tx-require-encryption"
          onChange={(event) => setRequireEncryption(event.target.checked)}
        />
        Require encryption: refuse unencrypted messages (DUH) instead of storing them marked
      </label>
      {form.errors.requireEncryption && (
        <span className="field__error" data-testid="tx-require-encryption-error">
          requireEncryption {form.errors.requireEncryption}
        </span>
      )}
      <FormError message={form.formError} />
      <FormActions pending={form.pending} onCancel={onCancel} testIdPrefix="tx" />
    </form>
  );
}

/** Omitted keeps the stored key, null removes it; an empty field on a new transmitter means "no key". */
function keyField(
  action: KeyAction,
  key: string,
  format: string,
  encrypted: boolean,
): { format: string; value: string } | null | undefined {
  switch (action) {
    case 'keep':
      return undefined;
    case 'remove':
      return null;
    case 'replace':
      if (key === '') return encrypted ? undefined : null;
      return { format, value: key };
    default: {
      const unexpected: never = action;
      throw new Error(`Unknown key action ${String(unexpected)}`);
    }
  }
}

interface KeyControlProps {
  encrypted: boolean;
  action: KeyAction;
  onAction: (action: KeyAction) => void;
  value: string;
  onChange: (value: string) => void;
  format: string;
  onFormat: (format: string) => void;
  error: string | undefined;
  formatError: string | undefined;
}

function KeyControl({
  encrypted,
  action,
  onAction,
  value,
  onChange,
  format,
  onFormat,
  error,
  formatError,
}: KeyControlProps) {
  if (encrypted && action !== 'replace') {
    return (
      <div className="key-control" data-testid="tx-key-status">
        <span>{action === 'remove' ? 'Key will be removed on save' : 'AES key stored'}</span>
        <button className="button" type="button" onClick={() => onAction('replace')} data-testid="tx-replace-key">
          Replace key
        </button>
        {action === 'remove' ? (
          <button className="button" type="button" onClick={() => onAction('keep')} data-testid="tx-keep-key">
            Keep key
          </button>
        ) : (
          <button className="button" type="button" onClick={() => onAction('remove')} data-testid="tx-remove-key">
            Remove key
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="edit-form__row">
      <TextField
        label={encrypted ? 'New AES key (leave empty to keep the stored one)' : 'AES key (optional)'}
        testId="tx-key"
        type="password"
        autoComplete="off"
        value={value}
        onChange={onChange}
        error={error}
      />
      <SelectField
        label="Key format"
        testId="tx-key-format"
        options={KEY_FORMAT_OPTIONS}
        value={format}
        onChange={onFormat}
        error={formatError}
      />
    </div>
  );
}
