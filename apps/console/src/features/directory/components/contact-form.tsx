import {
  CONTACT_ROUTE_KINDS,
  ContactInputSchema,
  type Contact,
  type ContactInput,
  type ContactRouteKind,
} from '@arc/shared/directory';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { moveItem } from '../utils/move-item';
import { FormActions, FormError, SelectField, TextField } from '../../../components/form-field';
import { MoveButtons } from './move-buttons';

export interface ContactFormProps {
  initial?: Contact;
  onSave: (input: ContactInput) => Promise<void>;
  onCancel: () => void;
}

interface RouteDraft {
  key: number;
  kind: ContactRouteKind;
  value: string;
}

let nextRouteKey = 1;

export function ContactForm({ initial, onSave, onCancel }: ContactFormProps) {
  const { t } = useTranslation('directory');
  const kindOptions = CONTACT_ROUTE_KINDS.map((kind) => ({ value: kind, label: t(`routeKind.${kind}`) }));
  const [name, setName] = useState(initial?.name ?? '');
  const [note, setNote] = useState(initial?.note ?? '');
  const [routes, setRoutes] = useState<RouteDraft[]>(() =>
    (initial?.routes ?? [{ kind: 'PHONE' as const, value: '' }]).map((r) => ({ ...r, key: nextRouteKey++ })),
  );
  const form = useSchemaForm(ContactInputSchema, onSave);

  const updateRoute = (index: number, change: Partial<RouteDraft>) =>
    setRoutes((current) => current.map((route, i) => (i === index ? { ...route, ...change } : route)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({ name, note, routes: routes.map(({ kind, value }) => ({ kind, value })) });
  };

  return (
    <form
      className="edit-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={initial ? t('contactForm.edit') : t('contactForm.new')}
    >
      <TextField
        label={t('contactForm.name')}
        testId="contact-name"
        value={name}
        onChange={setName}
        error={form.errors.name}
      />
      <TextField
        label={t('contactForm.note')}
        testId="contact-note"
        value={note}
        onChange={setNote}
        error={form.errors.note}
      />
      <fieldset className="edit-form__group">
        <legend>{t('contactForm.routes')}</legend>
        {form.errors.routes && <span className="field__error">{form.errors.routes}</span>}
        <ol className="route-list">
          {routes.map((route, index) => (
            <li key={route.key} className="route-list__item" data-testid="contact-route">
              <SelectField
                label={t('contactForm.routeKind', { n: String(index + 1) })}
                testId={`contact-route-kind-${index}`}
                options={kindOptions}
                value={route.kind}
                onChange={(kind) => updateRoute(index, { kind: kind as ContactRouteKind })}
              />
              <TextField
                label={t('contactForm.routeValue', { n: String(index + 1) })}
                testId={`contact-route-value-${index}`}
                value={route.value}
                onChange={(value) => updateRoute(index, { value })}
                error={form.errors[`routes.${index}.value`] ?? form.errors[`routes.${index}`]}
              />
              <MoveButtons
                index={index}
                count={routes.length}
                label={t('contactForm.route', { n: String(index + 1) })}
                testIdPrefix={`contact-route-${index}`}
                onMove={(direction) => setRoutes((current) => moveItem(current, index, direction))}
              />
              <button
                className="button button--small"
                type="button"
                aria-label={t('contactForm.removeRoute', { n: String(index + 1) })}
                onClick={() => setRoutes((current) => current.filter((_, i) => i !== index))}
              >
                ✕
              </button>
            </li>
          ))}
        </ol>
        <button
          className="button"
          type="button"
          data-testid="contact-add-route"
          onClick={() => setRoutes((current) => [...current, { key: nextRouteKey++, kind: 'PHONE', value: '' }])}
        >
          {t('contactForm.addRoute')}
        </button>
      </fieldset>
      <FormError message={form.formError} />
      <FormActions pending={form.pending} onCancel={onCancel} testIdPrefix="contact" />
    </form>
  );
}
