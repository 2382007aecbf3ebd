import { type Transmitter } from '@arc/shared/directory';
import {
  SiteKnowledgeInputSchema,
  TransmitterZonesInputSchema,
  type SiteKnowledge,
  type SiteNote,
  type TransmitterZone,
} from '@arc/shared/site-knowledge';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { AddSiteNoteForm, NoteLine } from '../../../components/site-note';
import {
  deleteSiteNote,
  getSiteKnowledge,
  getZones,
  listSiteNotes,
  putSiteKnowledge,
  putZones,
} from '../api/site-knowledge-api';
import { ConfirmButton, DetailSection } from './detail-section';

const errorText = (caught: unknown, fallback: string) => (caught instanceof Error ? caught.message : fallback);

const KNOWLEDGE_LABELS: Record<string, string> = {
  instructions: 'Instructions',
  hazards: 'Hazards',
  policePhone: 'Police number',
  rescuePhone: 'Rescue-service number',
};

// ---- instructions, hazards and numbers -----------------------------------------------------

/** The site's instructions, hazards and own emergency numbers; admins edit them. */
export function SiteInstructionsSection({ siteId, canEdit }: { siteId: string; canEdit: boolean }) {
  const [knowledge, setKnowledge] = useState<SiteKnowledge | null>(null);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getSiteKnowledge(siteId).then(
      (k) => live && setKnowledge(k),
      (caught: unknown) => live && setError(errorText(caught, 'Loading the instructions failed')),
    );
    return () => {
      live = false;
    };
  }, [siteId]);

  const actions = canEdit && knowledge && !editing && (
    <button
      className="button button--small"
      type="button"
      onClick={() => setEditing(true)}
      data-testid="knowledge-edit"
    >
      Edit
    </button>
  );
  return (
    <DetailSection title="Instructions and hazards" testId="detail-site-knowledge" actions={actions}>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {knowledge && editing ? (
        <KnowledgeForm
          knowledge={knowledge}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setKnowledge(saved);
            setEditing(false);
          }}
        />
      ) : (
        knowledge && (
          <dl className="facts" data-testid="knowledge-view">
            <dt>Instructions</dt>
            <dd className="site-instructions">{knowledge.instructions ?? '—'}</dd>
            <dt>Hazards</dt>
            <dd>{knowledge.hazards ?? '—'}</dd>
            <dt>Police</dt>
            <dd className="mono">{knowledge.policePhone ?? "centre's default"}</dd>
            <dt>Rescue service</dt>
            <dd className="mono">{knowledge.rescuePhone ?? "centre's default"}</dd>
          </dl>
        )
      )}
    </DetailSection>
  );
}

function KnowledgeForm({
  knowledge,
  onCancel,
  onSaved,
}: {
  knowledge: SiteKnowledge;
  onCancel: () => void;
  onSaved: (saved: SiteKnowledge) => void;
}) {
  const [values, setValues] = useState({
    instructions: knowledge.instructions ?? '',
    hazards: knowledge.hazards ?? '',
    policePhone: knowledge.policePhone ?? '',
    rescuePhone: knowledge.rescuePhone ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = SiteKnowledgeInputSchema.safeParse({
      ...values,
      policePhone: values.policePhone.trim() || null,
      rescuePhone: values.rescuePhone.trim() || null,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(`${KNOWLEDGE_LABELS[String(issue?.path[0])] ?? 'A field'} ${issue?.message ?? 'is not valid'}`);
      return;
    }
    setPending(true);
    setError(null);
    try {
      onSaved(await putSiteKnowledge(knowledge.siteId, parsed.data));
    } catch (caught) {
      setError(errorText(caught, 'Saving failed'));
      setPending(false);
    }
  };
  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      aria-label="Instructions and hazards"
      data-testid="knowledge-form"
    >
      <label className="field">
        <span className="field__label">Instructions (keys, access, entry)</span>
        <textarea
          className="field__input"
          rows={3}
          value={values.instructions}
          onChange={set('instructions')}
          data-testid="knowledge-instructions"
        />
      </label>
      <label className="field">
        <span className="field__label">Hazards (gas bottles, dogs, asbestos …)</span>
        <textarea
          className="field__input"
          rows={2}
          value={values.hazards}
          onChange={set('hazards')}
          data-testid="knowledge-hazards"
        />
      </label>
      <label className="field">
        <span className="field__label">Police number (empty: the centre&apos;s default, 112)</span>
        <input
          className="field__input"
          value={values.policePhone}
          onChange={set('policePhone')}
          data-testid="knowledge-police"
        />
      </label>
      <label className="field">
        <span className="field__label">Rescue-service number (empty: the centre&apos;s default, 112)</span>
        <input
          className="field__input"
          value={values.rescuePhone}
          onChange={set('rescuePhone')}
          data-testid="knowledge-rescue"
        />
      </label>
      {error && (
        <p className="form-error" role="alert" data-testid="knowledge-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button className="button button--primary" type="submit" disabled={pending} data-testid="knowledge-save">
          {pending ? 'Saving…' : 'Save'}
        </button>
        <button className="button" type="button" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
      </div>
    </form>
  );
}

// ---- temporary notes -------------------------------------------------------------------------

/** Temporary site notes: anyone on duty adds one, admins delete; expired ones on request. */
export function SiteNotesSection({ siteId, canDelete }: { siteId: string; canDelete: boolean }) {
  // The notes with the time they were read, to mark expired and coming ones.
  const [loaded, setLoaded] = useState<{ notes: SiteNote[]; at: number }>({ notes: [], at: 0 });
  const [includeExpired, setIncludeExpired] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    listSiteNotes(siteId, includeExpired).then(
      (notes) => setLoaded({ notes, at: Date.now() }),
      (caught: unknown) => setError(errorText(caught, 'Loading the site notes failed')),
    );
  }, [siteId, includeExpired]);
  useEffect(load, [load]);
  const { notes, at: now } = loaded;

  return (
    <DetailSection title="Temporary site notes" testId="detail-site-notes">
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {notes.length === 0 ? (
        <p className="muted">No notes.</p>
      ) : (
        <ul className="plain-list site-notes">
          {notes.map((note) => (
            <NoteLine key={note.id} note={note}>
              {Date.parse(note.validUntil) <= now && <span className="tag">EXPIRED</span>}
              {Date.parse(note.validFrom) > now && <span className="tag">COMING</span>}
              {canDelete && (
                <ConfirmButton
                  label="Delete"
                  confirmLabel="Delete note"
                  testId="site-note-delete"
                  onConfirm={async () => {
                    await deleteSiteNote(siteId, note.id);
                    load();
                  }}
                />
              )}
            </NoteLine>
          ))}
        </ul>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={includeExpired}
          onChange={(event) => setIncludeExpired(event.target.checked)}
          data-testid="site-notes-expired"
        />{' '}
        Show expired notes
      </label>
      <AddSiteNoteForm siteId={siteId} onAdded={load} />
    </DetailSection>
  );
}

// ---- zone names ------------------------------------------------------------------------------

interface ZoneRow {
  zone: string;
  name: string;
  location: string;
}

/** The zone names of each transmitter of the site; admins edit a transmitter's list. */
export function ZonesSection({ transmitters, canEdit }: { transmitters: readonly Transmitter[]; canEdit: boolean }) {
  if (transmitters.length === 0) return null;
  return (
    <DetailSection title="Zone names" testId="detail-zones">
      {transmitters.map((t) => (
        <TransmitterZones key={t.id} transmitter={t} canEdit={canEdit} />
      ))}
    </DetailSection>
  );
}

function TransmitterZones({ transmitter, canEdit }: { transmitter: Transmitter; canEdit: boolean }) {
  const [zones, setZones] = useState<TransmitterZone[] | null>(null);
  const [rows, setRows] = useState<ZoneRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    let live = true;
    getZones(transmitter.id).then(
      (z) => live && setZones(z),
      (caught: unknown) => live && setError(errorText(caught, 'Loading the zones failed')),
    );
    return () => {
      live = false;
    };
  }, [transmitter.id]);

  const edit = () => setRows((zones ?? []).map((z) => ({ zone: z.zone, name: z.name, location: z.location ?? '' })));
  const change = (index: number, field: keyof ZoneRow, value: string) =>
    setRows((current) => current?.map((row, i) => (i === index ? { ...row, [field]: value } : row)) ?? null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = TransmitterZonesInputSchema.safeParse({
      zones: (rows ?? [])
        .filter((r) => r.zone.trim() || r.name.trim())
        .map((r) => ({ zone: r.zone, name: r.name, location: r.location.trim() || null })),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const row = typeof issue?.path[1] === 'number' ? `Row ${issue.path[1] + 1}: ` : '';
      const field = issue?.path[2] === 'name' ? 'name ' : issue?.path[2] === 'zone' ? 'zone ' : '';
      setError(`${row}${field}${issue?.message ?? 'is not valid'}`);
      return;
    }
    setPending(true);
    setError(null);
    try {
      setZones(await putZones(transmitter.id, parsed.data));
      setRows(null);
    } catch (caught) {
      setError(errorText(caught, 'Saving the zones failed'));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="transmitter-zones" data-testid="transmitter-zones" data-account={transmitter.account}>
      <h4 className="site-notes__heading">
        Transmitter <span className="mono">{transmitter.account}</span>
        {canEdit && rows === null && zones && (
          <button className="button button--small" type="button" onClick={edit} data-testid="zones-edit">
            Edit zones
          </button>
        )}
      </h4>
      {error && (
        <p className="form-error" role="alert" data-testid="zones-error">
          {error}
        </p>
      )}
      {rows === null ? (
        zones && zones.length === 0 ? (
          <p className="muted">No zone names.</p>
        ) : (
          <ul className="plain-list">
            {(zones ?? []).map((z) => (
              <li key={z.zone} data-testid="zone">
                <span className="mono">{z.zone}</span> — {z.name}
                {z.location && <span className="muted"> · {z.location}</span>}
              </li>
            ))}
          </ul>
        )
      ) : (
        <form onSubmit={(e) => void save(e)} aria-label={`Zones of ${transmitter.account}`} data-testid="zones-form">
          <table className="detail-table zone-table">
            <thead>
              <tr>
                <th scope="col">Zone</th>
                <th scope="col">Name</th>
                <th scope="col">Location / notes</th>
                <th scope="col">Remove</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index} data-testid="zone-row">
                  <td>
                    <input
                      className="field__input mono"
                      aria-label={`Zone ${index + 1} number`}
                      value={row.zone}
                      onChange={(e) => change(index, 'zone', e.target.value)}
                      data-testid="zone-number"
                    />
                  </td>
                  <td>
                    <input
                      className="field__input"
                      aria-label={`Zone ${index + 1} name`}
                      value={row.name}
                      onChange={(e) => change(index, 'name', e.target.value)}
                      data-testid="zone-name"
                    />
                  </td>
                  <td>
                    <input
                      className="field__input"
                      aria-label={`Zone ${index + 1} location`}
                      value={row.location}
                      onChange={(e) => change(index, 'location', e.target.value)}
                      data-testid="zone-location"
                    />
                  </td>
                  <td>
                    <button
                      className="button button--small"
                      type="button"
                      onClick={() => setRows(rows.filter((_, i) => i !== index))}
                      aria-label={`Remove zone ${index + 1}`}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form-actions">
            <button
              className="button button--small"
              type="button"
              onClick={() => setRows([...rows, { zone: '', name: '', location: '' }])}
              data-testid="zone-add"
            >
              Add zone
            </button>
            <button className="button button--primary" type="submit" disabled={pending} data-testid="zones-save">
              {pending ? 'Saving…' : 'Save zones'}
            </button>
            <button className="button" type="button" onClick={() => setRows(null)} disabled={pending}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
