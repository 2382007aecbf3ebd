import { ALARM_CATEGORIES } from '@arc/shared/alarm';
import {
  TRANSMITTER_PROTOCOLS,
  TransmitterInputSchema,
  type Transmitter,
  type TransmitterInput,
} from '@arc/shared/directory';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
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

type DirectoryT = TFunction<'directory'>;

const protocolOptions = (t: DirectoryT) => TRANSMITTER_PROTOCOLS.map((p) => ({ value: p, label: t(`protocol.${p}`) }));
/** No default: a 32-character key of hex digits is a valid key in either format, with other bytes. */
const keyFormatOptions = (t: DirectoryT) => [
  { value: '', label: t('transmitterForm.choose') },
  { value: 'hex', label: t('transmitterForm.keyFormatHex') },
  { value: 'text', label: t('transmitterForm.keyFormatText') },
];
const categoryOptions = (t: DirectoryT) => [
  { value: '', label: t('transmitterForm.notSet') },
  ...ALARM_CATEGORIES.map((c) => ({ value: c, label: t(`categoryCode.${c}`) })),
];

export function TransmitterForm({ siteId, initial, onSave, onCancel }: TransmitterFormProps) {
  const { t } = useTranslation('directory');
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
      aria-label={initial ? t('transmitterForm.edit') : t('transmitterForm.new')}
    >
      <div className="edit-form__row">
        <TextField
          label={t('transmitterForm.account')}
          testId="tx-account"
          value={account}
          onChange={setAccount}
          error={form.errors.account}
        />
        <SelectField
          label={t('transmitterForm.protocol')}
          testId="tx-protocol"
          options={protocolOptions(t)}
          value={protocol}
          onChange={setProtocol}
          error={form.errors.protocol}
        />
      </div>
      <div className="edit-form__row">
        <TextField
          label={t('transmitterForm.interval')}
          testId="tx-interval"
          type="number"
          value={interval}
          onChange={setIntervalText}
          error={form.errors.supervisionIntervalSeconds}
        />
        <SelectField
          label={t('transmitterForm.inputCategory')}
          testId="tx-category"
          options={categoryOptions(t)}
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
        {t('transmitterForm.requireEncryption')}
      </label>
      {form.errors.requireEncryption && (
        <span className="field__error" data-testid="tx-require-encryption-error">
          {t('transmitterForm.requireEncryptionError', { message: form.errors.requireEncryption })}
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
  const { t } = useTranslation('directory');
  if (encrypted && action !== 'replace') {
    return (
      <div className="key-control" data-testid="tx-key-status">
        <span>{action === 'remove' ? t('transmitterForm.keyRemoved') : t('transmitterForm.keyStored')}</span>
        <button className="button" type="button" onClick={() => onAction('replace')} data-testid="tx-replace-key">
          {t('transmitterForm.replaceKey')}
        </button>
        {action === 'remove' ? (
          <button className="button" type="button" onClick={() => onAction('keep')} data-testid="tx-keep-key">
            {t('transmitterForm.keepKey')}
          </button>
        ) : (
          <button className="button" type="button" onClick={() => onAction('remove')} data-testid="tx-remove-key">
            {t('transmitterForm.removeKey')}
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="edit-form__row">
      <TextField
        label={encrypted ? t('transmitterForm.newKey') : t('transmitterForm.key')}
        testId="tx-key"
        type="password"
        autoComplete="off"
        value={value}
        onChange={onChange}
        error={error}
      />
      <SelectField
        label={t('transmitterForm.keyFormat')}
        testId="tx-key-format"
        options={keyFormatOptions(t)}
        value={format}
        onChange={onFormat}
        error={formatError}
      />
    </div>
  );
}
