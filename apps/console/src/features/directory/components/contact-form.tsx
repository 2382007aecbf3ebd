import {
  CONTACT_ROUTE_KINDS,
  ContactInputSchema,
  type Contact,
  type ContactInput,
  type ContactRouteKind,
} from '@arc/shared/directory';
import { useState, type FormEvent } from 'react';
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

const KIND_OPTIONS = CONTACT_ROUTE_KINDS.map((kind) => ({ value: kind, label: kind }));
let nextRouteKey = 1;

export function ContactForm({ initial, onSave, onCancel }: ContactFormProps) {
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
    <form className="edit-form" onSubmit={onSubmit} noValidate aria-label={initial ? 'Edit contact' : 'New contact'}>
      <TextField label="Name" testId="contact-name" value={name} onChange={setName} error={form.errors.name} />
      <TextField label="Note" testId="contact-note" value={note} onChange={setNote} error={form.errors.note} />
      <fieldset className="edit-form__group">
        <legend>Routes, tried in this order</legend>
        {form.errors.routes && <span className="field__error">{form.errors.routes}</span>}
        <ol className="route-list">
          {routes.map((route, index) => (
            <li key={route.key} className="route-list__item" data-testid="contact-route">
              <SelectField
                label={`Route ${index + 1} kind`}
                testId={`contact-route-kind-${index}`}
                options={KIND_OPTIONS}
                value={route.kind}
                onChange={(kind) => updateRoute(index, { kind: kind as ContactRouteKind })}
              />
              <TextField
                label={`Route ${index + 1} number or address`}
                testId={`contact-route-value-${index}`}
                value={route.value}
                onChange={(value) => updateRoute(index, { value })}
                error={form.errors[`routes.${index}.value`] ?? form.errors[`routes.${index}`]}
              />
              <MoveButtons
                index={index}
                count={routes.length}
                label={`route ${index + 1}`}
                testIdPrefix={`contact-route-${index}`}
                onMove={(direction) => setRoutes((current) => moveItem(current, index, direction))}
              />
              <button
                className="button button--small"
                type="button"
                aria-label={`Remove route ${index + 1}`}
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
          Add route
        </button>
      </fieldset>
      <FormError message={form.formError} />
      <FormActions pending={form.pending} onCancel={onCancel} testIdPrefix="contact" />
    </form>
  );
}
