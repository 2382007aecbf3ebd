import type { SiteDetail } from '@arc/shared/directory';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyLocale } from '../../../lib/i18n/locale';
import { useDirectoryStore } from '../store/directory-store';
import {
  authorizationList,
  blockWindow,
  person,
  serviceMode,
  SITE_ID,
  siteDetail,
  transmitter,
  TX_FIRE,
  TX_INTRUSION,
} from '../test/fixtures';
import { AuthorizationListsSection } from './authorization-lists-section';
import { BlockWindowsSection } from './block-windows-section';
import { ServiceModeSection } from './service-mode-section';

const fireTx = transmitter(TX_FIRE, '1001', 'FIRE');
const intrusionTx = transmitter(TX_INTRUSION, '2002', 'INTRUSION');
const agnes = person('44444444-4444-4444-8444-444444444444', 'Agnes A', 'A');
const MODE_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const WINDOW_ID = 'c0000000-0000-4000-8000-000000000001';

function detailWith(overrides: Partial<SiteDetail> = {}): SiteDetail {
  const detail = {
    ...siteDetail(),
    transmitters: [fireTx, intrusionTx],
    authorizationLists: [authorizationList('Svalan board', [agnes])],
    ...overrides,
  };
  useDirectoryStore.setState({ siteId: SITE_ID, detail, detailStatus: 'ready' });
  return detail;
}

/** None of these English texts of the screen may remain once Swedish is in force. */
function expectNoEnglish(container: HTMLElement, english: readonly string[]) {
  const text = container.textContent ?? '';
  const labels = [...container.querySelectorAll('[aria-label], optgroup, option')]
    .map((element) => `${element.getAttribute('aria-label') ?? ''} ${element.getAttribute('label') ?? ''}`)
    .join(' ');
  for (const sentence of english) {
    expect(text, sentence).not.toContain(sentence);
    expect(labels, sentence).not.toContain(sentence);
  }
}

describe('service mode, block windows and authorization lists in Swedish', () => {
  beforeEach(() => {
    useDirectoryStore.getState().reset();
    applyLocale('sv');
  });

  it('shows the service mode section and its form in Swedish', () => {
    const detail = detailWith({
      serviceModes: [
        serviceMode(MODE_ID, fireTx),
        serviceMode('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', intrusionTx, {
          active: false,
          category: 'INTRUSION',
          endedEarlyAt: '2025-12-31T09:30:00.000Z',
          endedEarlyBy: { userId: '88888888-8888-4888-8888-888888888888', name: 'Olle Operator' },
        }),
      ],
    });
    render(<ServiceModeSection detail={detail} today="2026-01-01" />);
    const section = screen.getByTestId('detail-service-mode');

    expect(within(section).getByRole('heading').textContent).toBe('Serviceläge');
    expect(screen.getByTestId('sm-add').textContent).toBe('Sätt i serviceläge');
    const [fire, intrusion] = screen.getAllByTestId('sm-transmitter');
    expect(fire!.textContent).toContain('1001 (Brand)');
    expect(within(fire!).getByTestId('sm-active-scope').textContent).toBe('alla kategorier');
    expect(within(fire!).getByTestId('sm-active').textContent).toContain('I SERVICELÄGE');
    expect(within(fire!).getByTestId('sm-active-who').textContent).toContain('begärt av Agnes A (A)');
    expect(within(fire!).getByTestId('sm-end').textContent).toBe('Avsluta serviceläge');
    expect(within(intrusion!).getByTestId('sm-none').textContent).toContain('normal drift');
    const recent = screen.getByTestId('sm-recent');
    expect(recent.textContent).toContain('Inbrott');
    expect(recent.textContent).toContain('(avslutat i förtid av Olle Operator)');
    expect(section.textContent).toContain('Avslutade de senaste 7 dagarna');

    fireEvent.click(screen.getByTestId('sm-add'));
    const form = screen.getByRole('form', { name: 'Sätt i serviceläge' });
    expect(form.textContent).toContain('Kontrollera uppringarens lösenord innan du sätter i serviceläge.');
    expect(form.textContent).toContain('Högst 12 timmar (720 minuter)');
    expect(form.textContent).toContain('Längd (minuter)');
    expect(form.textContent).toContain('Hela larmsändaren (alla kategorier)');
    expect(form.textContent).toContain('— välj vem som begärde —');
    fireEvent.change(screen.getByTestId('sm-requester'), { target: { value: agnes.id } });
    expect(screen.getByTestId('sm-verdict').textContent).toBe('Agnes A (behörighet A) får begära detta.');

    expectNoEnglish(section, [
      'Service mode',
      'IN SERVICE MODE',
      'all categories',
      'normal operation',
      'asked by',
      'set by',
      'End now',
      'ended early',
      'Ended in the last 7 days',
      'Transmitter',
      'Category',
      'Reason',
      "Check the caller's password",
      'At most',
      'hours',
      'minutes',
      'Requested by',
      'choose the person who asked',
      'may ask for this',
      'FIRE',
      'INTRUSION',
    ]);
  });

  it('shows the block windows and the klarrapport form in Swedish', () => {
    const detail = detailWith({
      blockWindows: [
        blockWindow(WINDOW_ID, fireTx),
        blockWindow('c0000000-0000-4000-8000-000000000002', intrusionTx, {
          state: 'ACTIVE',
          confirmation: {
            at: '2026-01-21T09:00:00.000Z',
            by: { userId: '88888888-8888-4888-8888-888888888888', name: 'Olle Operator' },
            sentTo: 'agnes@example.se',
            note: null,
          },
        }),
      ],
    });
    render(<BlockWindowsSection detail={detail} today="2026-01-20" />);
    const section = screen.getByTestId('detail-block-windows');

    expect(within(section).getByRole('heading').textContent).toBe('Spärrar');
    expect(screen.getByTestId('bw-add').textContent).toBe('Ny spärr');
    expect(screen.getAllByTestId('bw-state').map((badge) => badge.textContent)).toEqual(['PLANERAD', 'SPÄRRAD']);
    const [scheduled, active] = screen.getAllByTestId('bw-row');
    expect(within(scheduled!).getByTestId('bw-confirmation').textContent).toBe('inte skickad');
    expect(within(active!).getByTestId('bw-confirmation').textContent).toMatch(
      /^skickad till agnes@example\.se, .* av Olle Operator$/,
    );
    expect(within(scheduled!).getByTestId('bw-cancel').textContent).toBe('Häv spärr');
    expect(section.textContent).toContain('Klarrapport');

    fireEvent.click(within(scheduled!).getByTestId('bw-confirm'));
    const confirm = screen.getByRole('form', { name: 'Klarrapport för spärren på 1001' });
    expect(confirm.textContent).toMatch(/^Spärr på 1001, .* – .*, begärd av Agnes A\./);
    expect(confirm.textContent).toContain('Klarrapport skickad till');
    expect(screen.getByTestId('bwc-save').textContent).toBe('Registrera klarrapport');

    expectNoEnglish(section, [
      'Block window',
      'block window',
      'blockWindow',
      'SCHEDULED',
      'ACTIVE',
      'not sent',
      'sent to',
      'Cancel window',
      'Confirm…',
      'Confirmation',
      'Requested by',
      'asked by',
      'Record confirmation',
      'Note',
    ]);
  });

  it('shows the authorization lists and the person and password forms in Swedish', () => {
    const detail = detailWith();
    render(<AuthorizationListsSection detail={detail} canEdit />);
    const section = screen.getByTestId('detail-authorization-lists');

    expect(within(section).getByRole('heading', { level: 3 }).textContent).toBe('Behörighetslistor');
    expect(screen.getByTestId('list-add').textContent).toBe('Ny lista');
    expect(screen.getByTestId('person-add').textContent).toBe('Lägg till person');
    const headers = within(section)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual(['Namn', 'Telefon', 'Behörighet', 'Giltig', 'Lösenord angivet', 'Åtgärder']);
    expect(screen.getByTestId('person-set-password').textContent).toBe('Ange lösenord');

    fireEvent.click(screen.getByTestId('person-set-password'));
    const form = screen.getByRole('form', { name: 'Ange lösenord för Agnes A' });
    expect(form.textContent).toContain('Skriftlig begäran från');
    expect(form.textContent).toContain('Referens till begäran (brev, e-post, ärende)');
    fireEvent.change(screen.getByTestId('pw-password'), { target: { value: 'secret-1' } });
    fireEvent.change(screen.getByTestId('pw-confirm'), { target: { value: 'secret-2' } });
    fireEvent.click(screen.getByTestId('pw-save'));
    expect(screen.getByTestId('pw-confirm-error').textContent).toBe('stämmer inte med det nya lösenordet');

    expectNoEnglish(section, [
      'Authorization lists',
      'New list',
      'Add person',
      'Phone',
      'Level',
      'Password set',
      'Set password',
      'New password',
      'Repeat password',
      'Requested in writing by',
      'Request reference',
      'does not match',
      'choose the requester',
    ]);
  });
});
