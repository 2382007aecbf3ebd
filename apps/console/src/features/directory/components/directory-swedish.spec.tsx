import type { SiteDetail } from '@arc/shared/directory';
import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLocale } from '../../../lib/i18n/locale';
import { createTestQueryClient, renderWithClient } from '../../../test/render';
import { directorySearchKey } from '../hooks/use-directory-search';
import { useDirectoryStore } from '../store/directory-store';
import { hit, SITE_ID, signalEntry, siteDetail, stubApi, transmitter, TX_FIRE } from '../test/fixtures';
import { DirectorySearch } from './directory-search';
import { SiteDetailView } from './site-detail';

const T = '2026-01-01T10:00:00.000Z';

/** A site with something in every section this screen's own parts show. */
function fullDetail(): SiteDetail {
  const base = siteDetail();
  return {
    ...base,
    site: { ...base.site, contractId: 'd0000000-0000-4000-8000-000000000001' },
    contract: {
      id: 'd0000000-0000-4000-8000-000000000001',
      contractNo: 'A200',
      customerId: 'c0000000-0000-4000-8000-000000000001',
      customerNo: 'K100',
      customerName: 'BRF Svalan',
      managerName: 'Greta Gran',
      managerPhone: null,
      managerEmail: null,
      yearlyEventQuota: 1200,
      startDate: '2026-01-01',
      termMonths: 12,
      createdAt: T,
      updatedAt: T,
    },
    transmitters: [
      {
        ...transmitter(TX_FIRE, '1001', 'FIRE'),
        encrypted: true,
        requireEncryption: true,
        supervisionIntervalSeconds: 90_000,
        runawayUntil: '2999-01-01T00:00:00.000Z',
      },
    ],
    actionPlans: [
      {
        id: 'a0000000-0000-4000-8000-000000000001',
        siteId: SITE_ID,
        category: 'FIRE',
        updatedAt: T,
        steps: [
          {
            id: 'a0000000-0000-4000-8000-000000000002',
            position: 1,
            type: 'CALL_CONTACT',
            contactId: base.contacts[0]!.id,
            rosterId: null,
            instruction: null,
            mandatory: true,
          },
        ],
      },
    ],
    alarmEvents: {
      contractId: 'd0000000-0000-4000-8000-000000000001',
      contractNo: 'A200',
      year: 2026,
      quota: 10,
      count: 13,
      overQuota: true,
      byMonth: [6, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    },
  };
}

/** Texts (and accessible names) of the parts of the site detail this folder's own sections render. */
function ownSectionsText(): string {
  const ids = [
    'detail-site',
    'detail-site-knowledge',
    'detail-site-notes',
    'detail-alarm-events',
    'detail-transmitters',
    'detail-zones',
    'detail-contacts',
    'detail-action-plans',
    'detail-signal-log',
  ];
  const parts = [screen.getByTestId('detail-back').textContent, screen.getByTestId('detail-reload').textContent];
  for (const id of ids) {
    const section = screen.getByTestId(id);
    parts.push(section.textContent);
    for (const element of section.querySelectorAll('[aria-label], [title]')) {
      parts.push(element.getAttribute('aria-label') ?? '', element.getAttribute('title') ?? '');
    }
  }
  return parts.join('\n');
}

const ENGLISH = [
  'Back to search',
  'Reload',
  'Edit site',
  'Address',
  'Municipality',
  'Contract manager',
  'events/year',
  'Instructions and hazards',
  "centre's default",
  'Temporary site notes',
  'No notes',
  'Show expired notes',
  'Alarm events',
  'over quota',
  'on contract',
  'Transmitters',
  'Add transmitter',
  'Encrypted',
  'Supervision',
  'Last seen',
  'RUNAWAY',
  'REQUIRED',
  'key stored',
  'Zone names',
  'Edit zones',
  'Alarm contacts',
  'Add contact',
  'Routes of',
  'Move ',
  'Action plans',
  'Edit plan',
  'Create plan',
  'No plan',
  'mandatory',
  'Signal log',
  'Refresh',
  'Received',
  'Decision',
  'SUPPRESSED',
  'UNENCRYPTED',
  'Edit',
  'Remove',
];

describe('the directory in Swedish', () => {
  beforeEach(() => {
    useDirectoryStore.getState().reset();
    applyLocale('sv');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the site detail in Swedish, with no English left in its own sections', async () => {
    stubApi(({ path }) => {
      if (path.endsWith('/knowledge')) {
        return { siteId: SITE_ID, instructions: 'Nyckel i tub', hazards: null, policePhone: null, rescuePhone: null };
      }
      if (path.includes('/notes')) return [];
      if (path.endsWith('/zones')) return [{ zone: '2', name: 'Hall', location: null }];
      if (path.includes('/signals')) {
        return [signalEntry('201', { decision: 'SUPPRESSED', unencryptedFromKeyed: true })];
      }
      return [];
    });
    useDirectoryStore.setState({ siteId: SITE_ID, detail: fullDetail(), detailStatus: 'ready' });
    render(<SiteDetailView canEdit />);

    await waitFor(() => expect(screen.getAllByTestId('signal-row')).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('knowledge-view')).toBeTruthy());
    await waitFor(() => expect(screen.getAllByTestId('zone')).toHaveLength(1));

    expect(screen.getByTestId('detail-back').textContent).toBe('← Tillbaka till sökningen');
    for (const heading of [
      'Objekt',
      'Instruktioner och risker',
      'Larmhändelser',
      'Larmsändare',
      'Zonnamn',
      'Larmkontakter',
      'Åtgärdsplaner',
      'Signallogg',
    ]) {
      expect(screen.getByRole('heading', { name: heading })).toBeTruthy();
    }
    expect(screen.getByTestId('detail-contract').textContent).toMatch(/^A200 \(kvot 1\s200 larmhändelser\/år\)$/);
    expect(screen.getByTestId('knowledge-view').textContent).toContain('larmcentralens standardnummer');
    expect(screen.getByTestId('ae-count').textContent).toBe('13 av 10');
    expect(screen.getByTestId('detail-alarm-events').textContent).toContain('larmhändelser 2026 på avtal A200');
    expect(screen.getByTestId('ae-over-quota').textContent).toBe('över kvot med 3');

    const tx = screen.getByTestId('transmitter-row');
    expect(within(tx).getByTestId('transmitter-encrypted').textContent).toBe('ja (nyckel lagrad)KRÄVS');
    expect(within(tx).getByTestId('transmitter-runaway').textContent).toMatch(/^SKENANDE till /);
    expect(tx.textContent).toMatch(/90\s000 s/);
    expect(tx.textContent).toContain('BRAND');

    expect(screen.getByRole('button', { name: 'Flytta Bertil uppåt' })).toBeTruthy();
    expect(screen.getByTestId('plan-FIRE').textContent).toContain('obligatoriskt');
    expect(screen.getByTestId('plan-edit-HOLDUP').textContent).toBe('Skapa plan');

    const signal = screen.getByTestId('signal-row');
    expect(within(signal).getByTestId('signal-decision').textContent).toBe('UNDERTRYCKT');
    expect(within(signal).getByTestId('signal-unencrypted').textContent).toBe('OKRYPTERAD');

    const text = ownSectionsText();
    for (const english of ENGLISH) expect(text, english).not.toContain(english);
  });

  it('shows the search in Swedish', () => {
    const client = createTestQueryClient();
    client.setQueryData(directorySearchKey('storgatan 5'), [hit('Svalan', 'Västerås')]);
    useDirectoryStore.setState({ query: 'storgatan 5' });
    renderWithClient(<DirectorySearch />, client);

    expect(screen.getByRole('heading', { name: 'Sök objekt' })).toBeTruthy();
    const input = screen.getByTestId('directory-search');
    expect(input.getAttribute('placeholder')).toBe(
      'Larmsändarnummer, objekt, adress, kundnummer, avtalsnummer, person…',
    );
    expect(screen.queryByText('Find a site')).toBeNull();
    expect(screen.getByTestId('search-hit').textContent).toContain('Larmsändare 1001');
  });
});
