import type { Contact, SiteDetail } from '@arc/shared/directory';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../../utils/request-state';
import { createContact, deleteContact, reorderContacts, updateContact } from '../api/directory-api';
import { useDirectoryStore } from '../store/directory-store';
import { moveItem } from '../utils/move-item';
import { ContactForm } from './contact-form';
import { ConfirmButton, DetailSection } from './detail-section';
import { MoveButtons } from './move-buttons';

export interface ContactsSectionProps {
  detail: SiteDetail;
  canEdit: boolean;
}

/** Alarm contacts in call order; moving one saves the new order at once. */
export function ContactsSection({ detail, canEdit }: ContactsSectionProps) {
  const { t } = useTranslation(['directory', 'common']);
  const [editing, setEditing] = useState<string | null>(null);
  const [reordering, setReordering] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mutate = useDirectoryStore((state) => state.mutate);
  const siteId = detail.site.id;
  const contacts = [...detail.contacts].sort((a, b) => a.position - b.position);
  const editedContact = contacts.find((c) => c.id === editing);

  const move = async (index: number, direction: -1 | 1) => {
    setReordering(true);
    setError(null);
    try {
      const ids = moveItem(contacts, index, direction).map((c) => c.id);
      await mutate(() => reorderContacts(siteId, ids));
    } catch (caught) {
      setError(messageOf(caught, t('contacts.reorderFailed')));
    } finally {
      setReordering(false);
    }
  };

  const actions = canEdit && editing === null && (
    <button className="button button--small" type="button" onClick={() => setEditing('new')} data-testid="contact-add">
      {t('contacts.add')}
    </button>
  );

  return (
    <DetailSection title={t('contacts.title')} testId="detail-contacts" actions={actions}>
      {editing !== null && (
        <ContactForm
          key={editing}
          initial={editedContact}
          onCancel={() => setEditing(null)}
          onSave={async (input) => {
            await mutate(() => (editedContact ? updateContact(editedContact.id, input) : createContact(siteId, input)));
            setEditing(null);
          }}
        />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {contacts.length === 0 ? (
        <p className="muted">{t('contacts.none')}</p>
      ) : (
        <ol className="contact-list">
          {contacts.map((contact, index) => (
            <li key={contact.id} className="contact-list__item" data-testid="contact-row" data-contact-id={contact.id}>
              <ContactSummary contact={contact} order={index + 1} />
              {canEdit && (
                <span className="row-actions">
                  <MoveButtons
                    index={index}
                    count={contacts.length}
                    label={contact.name}
                    testIdPrefix="contact"
                    disabled={reordering}
                    onMove={(direction) => void move(index, direction)}
                  />
                  <button
                    className="button button--small"
                    type="button"
                    onClick={() => setEditing(contact.id)}
                    data-testid="contact-edit"
                  >
                    {t('common:action.edit')}
                  </button>
                  <ConfirmButton
                    label={t('common:action.remove')}
                    confirmLabel={t('contacts.removeConfirm')}
                    onConfirm={() => mutate(() => deleteContact(contact.id))}
                    testId="contact-delete"
                  />
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </DetailSection>
  );
}

function ContactSummary({ contact, order }: { contact: Contact; order: number }) {
  const { t } = useTranslation(['directory', 'common']);
  return (
    <span className="contact-list__summary">
      <span className="step-list__number">{order}</span>
      <strong data-testid="contact-row-name">{contact.name}</strong>
      {contact.note && <span className="muted"> — {contact.note}</span>}
      <ol className="inline-list" aria-label={t('contacts.routesOf', { name: contact.name })}>
        {contact.routes.map((route, i) => (
          <li key={i}>
            <span className="tag">{t(`routeKind.${route.kind}`)}</span> {route.value}
          </li>
        ))}
      </ol>
    </span>
  );
}
