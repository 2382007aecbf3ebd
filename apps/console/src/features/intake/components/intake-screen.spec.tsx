import type { IntakeCall, SiteStatus, VerificationOutcome } from '@arc/shared/intake';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useIntakeStore } from '../store/intake-store';
import {
  apiError,
  BO,
  call,
  CALL_ID,
  hit,
  OTHER_SITE_ID,
  serviceMode,
  SITE_ID,
  siteDetail,
  stubApi,
  transmitter,
  TX_FIRE,
  TX_INTRUSION,
  verified,
  VERIFICATION_ID,
  wrongPassword,
  type Request,
  cancelledCase,
} from '../test/fixtures';
import { IntakeScreen } from './intake-screen';
import { formatDateTime } from '../../../utils/time';
import { applyLocale } from '../../../lib/i18n/locale';

const PASSWORD = 'Tulpan-Korrekt-4711';
const FIRE_REFUSAL = 'level C may not put a fire transmitter in service mode; it needs level A or B';

/** A small fake of the intake API: the call, the site's detail, and whatever the test adds. */
function fakeServer(current: IntakeCall, extra: (request: Request) => unknown = () => undefined) {
  return stubApi((request) => {
    const answer = extra(request);
    if (answer !== undefined) return answer;
    if (request.url === '/api/v1/intake/calls' && request.method === 'POST') return current;
    if (request.url === `/api/v1/intake/calls/${CALL_ID}`) return current;
    if (request.url === `/api/v1/sites/${SITE_ID}/detail`) return siteDetail();
    return undefined;
  });
}

/** The screen with a call about the site already open (and its detail loaded). */
function renderWithSite(verification: VerificationOutcome | null = null, overrides: Partial<IntakeCall> = {}) {
  const current = call({ siteId: SITE_ID, siteName: 'Kvarteret Svalan', ...overrides });
  useIntakeStore.setState({
    call: current,
    callStatus: 'ready',
    detail: siteDetail(),
    detailStatus: 'ready',
    verification,
  });
  render(<IntakeScreen />);
  return current;
}

describe('IntakeScreen', () => {
  beforeEach(() => useIntakeStore.getState().reset());
  afterEach(() => vi.unstubAllGlobals());

  it('starts a call and finds the site with the arrow keys and Enter, municipality first', async () => {
    let current = call();
    const requests = fakeServer(current, ({ method, url, body }) => {
      if (url.startsWith('/api/v1/directory/search')) {
        // Same street address in two municipalities.
        return [hit(SITE_ID, 'Kvarteret Svalan', 'Västerås'), hit(OTHER_SITE_ID, 'Svalan Köping', 'Köping')];
      }
      if (method === 'POST' && url.endsWith('/site')) {
        current = call({ siteId: (body as { siteId: string }).siteId, siteName: 'Svalan Köping' });
        return current;
      }
      if (url === `/api/v1/sites/${OTHER_SITE_ID}/detail`) return siteDetail();
      return undefined;
    });
    render(<IntakeScreen />);

    const search = await screen.findByTestId('intake-search');
    expect(document.activeElement).toBe(search);
    expect(screen.getByTestId('intake-call-timer').textContent).toMatch(/^0:0\d$/);
    expect(screen.getByTestId('intake-call-state').dataset.state).toBe('find-site');

    fireEvent.change(search, { target: { value: 'svalan' } });
    await waitFor(() => expect(screen.getAllByTestId('intake-hit')).toHaveLength(2));
    const hits = screen.getAllByTestId('intake-hit');
    expect(hits[0]!.textContent).toContain('Västerås municipality');
    expect(hits[1]!.textContent).toContain('Köping municipality');
    expect(hits[1]!.textContent).toContain('same street address elsewhere');
    expect(hits[0]!.textContent).toContain('Customer K100');
    expect(hits[0]!.textContent).toContain('Transmitters 1001');
    expect(requests.find((r) => r.url.startsWith('/api/v1/directory/search'))?.url).toBe(
      '/api/v1/directory/search?q=svalan&limit=20',
    );

    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(screen.getAllByTestId('intake-hit')[1]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(search, { key: 'Enter' });

    await screen.findByTestId('intake-site');
    expect(requests.find((r) => r.url.endsWith('/site'))?.body).toEqual({ siteId: OTHER_SITE_ID });
    expect(screen.getByTestId('intake-site-municipality').textContent).toBe('Västerås municipality');
    expect(screen.getAllByTestId('intake-transmitter').map((li) => li.dataset.account)).toEqual(['1001', '2002']);
    expect(screen.getByTestId('intake-call-state').dataset.state).toBe('verify-caller');
  });

  it('verifies the caller: the password is sent once and cleared, and the result shows what they may ask', async () => {
    const requests = fakeServer(call({ siteId: SITE_ID }), ({ url }) =>
      url.endsWith('/verify') ? verified('B') : undefined,
    );
    renderWithSite();

    const picker = screen.getByTestId('intake-caller') as HTMLSelectElement;
    const groups = [...picker.querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups).toEqual(['List: Styrelsen BRF Svalan', 'Installers of Brandservice AB (service company)']);
    expect([...picker.options].map((o) => o.textContent)).toContain('Cia Carlsson (level C)');

    fireEvent.change(picker, { target: { value: BO } });
    expect(screen.getByTestId('intake-caller-facts').textContent).toContain('list Styrelsen BRF Svalan');
    const password = screen.getByTestId('intake-password') as HTMLInputElement;
    expect(password.type).toBe('password');
    fireEvent.change(password, { target: { value: PASSWORD } });
    fireEvent.click(screen.getByTestId('intake-verify'));
    expect(password.value).toBe('');

    const result = await screen.findByTestId('intake-verification');
    expect(result.dataset.result).toBe('VERIFIED');
    expect(screen.getByTestId('intake-verified-person').textContent).toBe('Bo Berg');
    expect(screen.getByTestId('intake-verified-level').textContent).toBe('B');
    expect(screen.getByTestId('intake-verification-expiry').textContent).toMatch(/Valid for (10:00|9:5\d)/);
    const fire = screen.getAllByTestId('intake-authority-row').find((row) => row.dataset.category === 'FIRE')!;
    expect(within(fire).getByTestId('intake-allowed').textContent).toContain('Service mode');
    expect(within(fire).getByTestId('intake-refused').textContent).toBe(
      'Change contacts, passwords or action plan: level B may not change contacts, passwords, levels or the action plan; it needs level A',
    );
    expect(screen.getByTestId('intake-actions')).toBeTruthy();

    const withPassword = requests.filter((r) => JSON.stringify(r.body ?? '').includes(PASSWORD));
    expect(withPassword.map((r) => r.url)).toEqual([`/api/v1/intake/calls/${CALL_ID}/verify`]);
    expect(JSON.stringify(useIntakeStore.getState())).not.toContain(PASSWORD);
  });

  it('checks the form before sending: no caller chosen, no password', () => {
    const requests = fakeServer(call({ siteId: SITE_ID }));
    renderWithSite();
    fireEvent.click(screen.getByTestId('intake-verify'));
    expect(screen.getByTestId('intake-caller-error').textContent).toBe('choose the caller');
    expect(screen.getByTestId('intake-password-error').textContent).toBe('is required');
    expect(requests.some((r) => r.url.endsWith('/verify'))).toBe(false);
  });

  it('shows a failed verification with the server message, the failed attempts and the lock', async () => {
    const lockedUntil = '2026-01-01T10:15:00.000Z';
    fakeServer(call({ siteId: SITE_ID }), ({ url }) =>
      url.endsWith('/verify') ? wrongPassword(5, lockedUntil) : undefined,
    );
    renderWithSite(verified('B'));

    fireEvent.change(screen.getByTestId('intake-caller'), { target: { value: BO } });
    fireEvent.change(screen.getByTestId('intake-password'), { target: { value: 'Gissning' } });
    fireEvent.click(screen.getByTestId('intake-verify'));

    await waitFor(() => expect(screen.getByTestId('intake-verification').dataset.result).toBe('LOCKED'));
    expect(screen.getByTestId('intake-verification').textContent).toContain('Not verified: locked');
    expect(screen.getByTestId('intake-verification-message').textContent).toContain('is locked until');
    expect(screen.getByTestId('intake-failed-attempts').textContent).toBe('5');
    expect(screen.getByTestId('intake-locked-until').textContent).toBe(formatDateTime(lockedUntil));
    // The earlier verification no longer acts.
    expect(screen.queryByTestId('intake-actions')).toBeNull();
    expect(screen.getByTestId('intake-actions-locked')).toBeTruthy();
  });

  it("explains beforehand that level C may not put a fire transmitter in service mode, then shows the server's refusal", async () => {
    const refusal = `Refused for Cia Carlsson (level C), FIRE: ${FIRE_REFUSAL}`;
    const requests = fakeServer(call({ siteId: SITE_ID }), ({ url }) =>
      url.endsWith('/service-mode') ? apiError(422, refusal) : undefined,
    );
    renderWithSite(verified('C'));

    const verdict = () => screen.getByTestId('intake-sm-verdict');
    expect(verdict().dataset.allowed).toBe('false');
    expect(verdict().textContent).toContain(FIRE_REFUSAL);
    fireEvent.change(screen.getByTestId('intake-sm-transmitter'), { target: { value: TX_INTRUSION } });
    expect(verdict().dataset.allowed).toBe('true');
    fireEvent.change(screen.getByTestId('intake-sm-transmitter'), { target: { value: TX_FIRE } });

    fireEvent.change(screen.getByTestId('intake-sm-reason'), { target: { value: 'Detector swap' } });
    fireEvent.click(screen.getByTestId('intake-sm-submit'));
    expect((await screen.findByTestId('intake-sm-error')).textContent).toBe(refusal);
    expect(requests.find((r) => r.url.endsWith('/service-mode'))?.body).toEqual({
      verificationId: VERIFICATION_ID,
      transmitterId: TX_FIRE,
      category: null,
      durationMinutes: 60,
      reason: 'Detector swap',
    });
    expect(screen.getByTestId('intake-events').textContent).toContain(refusal);
  });

  it('sets a service mode for level B and shows it on the site', async () => {
    const fireTx = transmitter(TX_FIRE, '1001', 'FIRE');
    let modes: ReturnType<typeof serviceMode>[] = [];
    const requests = fakeServer(call({ siteId: SITE_ID }), ({ url }) => {
      if (url.endsWith('/service-mode')) {
        modes = [serviceMode('abababab-abab-4bab-8bab-abababababab', fireTx, { category: 'FIRE' })];
        return modes[0];
      }
      if (url.endsWith('/detail')) return siteDetail({ serviceModes: modes });
      return undefined;
    });
    renderWithSite(verified('B'));

    expect(screen.getByTestId('intake-sm-verdict').dataset.allowed).toBe('true');
    fireEvent.change(screen.getByTestId('intake-sm-category'), { target: { value: 'FIRE' } });
    fireEvent.change(screen.getByTestId('intake-sm-duration'), { target: { value: '90' } });
    fireEvent.change(screen.getByTestId('intake-sm-reason'), { target: { value: 'Sprinkler service' } });
    fireEvent.click(screen.getByTestId('intake-sm-submit'));

    expect((await screen.findByTestId('intake-sm-result')).textContent).toContain('Service mode set on 1001 (FIRE)');
    expect(requests.find((r) => r.url.endsWith('/service-mode'))?.body).toMatchObject({
      category: 'FIRE',
      durationMinutes: 90,
    });
    await waitFor(() => expect(screen.getByTestId('intake-transmitter-service-mode').textContent).toContain('FIRE'));
  });

  it('refuses a duration out of range before sending', () => {
    const requests = fakeServer(call({ siteId: SITE_ID }));
    renderWithSite(verified('B'));
    fireEvent.change(screen.getByTestId('intake-sm-duration'), { target: { value: '0' } });
    fireEvent.change(screen.getByTestId('intake-sm-reason'), { target: { value: 'x' } });
    fireEvent.click(screen.getByTestId('intake-sm-submit'));
    expect(screen.getByTestId('intake-sm-duration-error').textContent).not.toBe('');
    expect(requests.some((r) => r.url.endsWith('/service-mode'))).toBe(false);
  });

  it('reads the status and offers to cancel an intrusion case as a false alarm, never a hold-up', async () => {
    const intrusionCase = 'c1c1c1c1-c1c1-4c1c-8c1c-c1c1c1c1c1c1';
    const holdupCase = 'c2c2c2c2-c2c2-4c2c-8c2c-c2c2c2c2c2c2';
    const status: SiteStatus = {
      siteId: SITE_ID,
      openCases: [
        {
          id: holdupCase,
          caseNo: 'C-2',
          category: 'HOLDUP',
          title: 'Hold-up',
          status: 'QUEUED',
          queuedAt: '2026-01-01T09:00:00Z',
        },
        {
          id: intrusionCase,
          caseNo: 'C-1',
          category: 'INTRUSION',
          title: 'Burglary',
          status: 'QUEUED',
          queuedAt: '2026-01-01T09:01:00Z',
        },
      ],
      serviceModes: [
        {
          id: 'a1a1a1a1-a1a1-4a1a-8a1a-a1a1a1a1a1a1',
          account: '1001',
          category: 'FIRE',
          endsAt: '2026-01-01T11:00:00Z',
        },
      ],
      blockWindows: [],
    };
    const requests = fakeServer(call({ siteId: SITE_ID }), ({ url }) => {
      if (url.includes('/status?')) return status;
      if (url.endsWith('/cancel-case')) return cancelledCase(intrusionCase);
      return undefined;
    });
    renderWithSite(verified('B'));

    fireEvent.click(screen.getByTestId('intake-action-status'));
    fireEvent.click(screen.getByTestId('intake-status-load'));
    await screen.findAllByTestId('intake-status-case');
    expect(requests.find((r) => r.url.includes('/status?'))?.url).toBe(
      `/api/v1/intake/calls/${CALL_ID}/status?verificationId=${VERIFICATION_ID}`,
    );
    const [holdup, intrusion] = screen.getAllByTestId('intake-status-case');
    expect(holdup!.dataset.category).toBe('HOLDUP');
    expect(within(holdup!).queryByTestId('intake-cancel-case')).toBeNull();
    expect(within(holdup!).getByTestId('intake-cancel-holdup').textContent).toContain('never cancelled');
    expect(screen.getByTestId('intake-status-service-mode').dataset.account).toBe('1001');

    fireEvent.click(within(intrusion!).getByTestId('intake-cancel-case'));
    fireEvent.change(within(intrusion!).getByTestId('intake-cancel-note'), { target: { value: 'Cleaner set it off' } });
    fireEvent.click(within(intrusion!).getByTestId('intake-cancel-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('intake-status-case')).toHaveLength(1));
    expect(requests.find((r) => r.url.endsWith('/cancel-case'))?.body).toEqual({
      verificationId: VERIFICATION_ID,
      caseId: intrusionCase,
      note: 'Cleaner set it off',
    });
  });

  it('ends the call with the outcome the call recorded and a note, then offers a new call', async () => {
    let current = call({ siteId: SITE_ID, siteName: 'Kvarteret Svalan', outcome: 'SERVICE_MODE_SET' });
    const requests = fakeServer(current, ({ url, body }) => {
      if (url.endsWith('/end')) {
        const { outcome, note } = body as { outcome: IntakeCall['outcome']; note: string };
        current = { ...current, endedAt: new Date().toISOString(), outcome, note: `10:00 Service mode set\n${note}` };
        return current;
      }
      return undefined;
    });
    renderWithSite(verified('B'), { outcome: 'SERVICE_MODE_SET' });

    expect((screen.getByTestId('intake-outcome') as HTMLSelectElement).value).toBe('SERVICE_MODE_SET');
    fireEvent.change(screen.getByTestId('intake-end-note'), { target: { value: 'Caller will call back' } });
    fireEvent.click(screen.getByTestId('intake-end-call'));

    await screen.findByTestId('intake-summary');
    expect(requests.find((r) => r.url.endsWith('/end'))?.body).toEqual({
      outcome: 'SERVICE_MODE_SET',
      note: 'Caller will call back',
    });
    expect(screen.getByTestId('intake-summary-outcome').textContent).toBe('Service mode set');
    expect(screen.getByTestId('intake-call-state').dataset.state).toBe('ended');
    expect(screen.queryByTestId('intake-search')).toBeNull();
    expect(screen.getByTestId('intake-new-call')).toBeTruthy();
  });

  it('suggests "not verified" as the outcome after a failed verification', () => {
    fakeServer(call({ siteId: SITE_ID }));
    renderWithSite(wrongPassword(1));
    expect((screen.getByTestId('intake-outcome') as HTMLSelectElement).value).toBe('NOT_VERIFIED');
  });
});

describe('IntakeScreen in Swedish', () => {
  beforeEach(() => {
    useIntakeStore.getState().reset();
    applyLocale('sv');
  });
  afterEach(() => vi.unstubAllGlobals());

  /** The screen's own English sentences; the server's messages and reasons are not the screen's. */
  const ENGLISH = [
    'Phone intake',
    '1 · Site',
    'Change site',
    'municipality',
    'Customer',
    'Contract',
    '2 · Verify the caller',
    'Password the caller says',
    'choose the person calling',
    'List:',
    'Installers of',
    '(level',
    'no password set',
    'What the caller asks for',
    'Verify the caller first',
    '4 · End the call',
    'Outcome',
    'Note (optional)',
    'End call',
    'Call about',
  ];
  const expectNoEnglish = (text: string, english: readonly string[]) => {
    for (const sentence of english) expect(text, sentence).not.toContain(sentence);
  };

  it('asks for the caller and the password in Swedish', () => {
    fakeServer(call({ siteId: SITE_ID }));
    renderWithSite();
    const step = screen.getByTestId('intake-caller-step');
    expect(step.textContent).toContain('2 · Verifiera uppringaren');
    expect(screen.getByLabelText('Lösenordet uppringaren uppger')).toBe(screen.getByTestId('intake-password'));
    const picker = screen.getByTestId('intake-caller') as HTMLSelectElement;
    expect([...picker.querySelectorAll('optgroup')].map((g) => g.label)).toEqual([
      'Behörighetslista: Styrelsen BRF Svalan',
      'Installatörer hos Brandservice AB (serviceföretag)',
    ]);
    expect([...picker.options].map((o) => o.textContent)).toContain('Cia Carlsson (C-behörig)');
    expect(screen.getByTestId('intake-verify').textContent).toBe('Verifiera');
    expect(screen.getByTestId('intake-actions-locked').textContent).toBe(
      'Verifiera uppringaren först: ingenting görs för en uppringare som inte är verifierad.',
    );
    expect(screen.getByTestId('intake-site-municipality').textContent).toBe('Västerås kommun');
    expect(screen.getByTestId('intake-call-state').textContent).toBe(
      'Samtal om Kvarteret Svalan: verifiera uppringaren',
    );

    fireEvent.click(screen.getByTestId('intake-verify'));
    expect(screen.getByTestId('intake-caller-error').textContent).toBe('välj uppringaren');
    expectNoEnglish(screen.getByTestId('intake-screen').textContent ?? '', ENGLISH);
    expect(document.documentElement.lang).toBe('sv');
  });

  it('shows a verified caller and what they may ask for in Swedish', () => {
    fakeServer(call({ siteId: SITE_ID }));
    renderWithSite(verified('B'));
    const result = screen.getByTestId('intake-verification');
    expect(result.textContent).toContain('✓ Verifierad: Bo Berg, behörighet B');
    expect(screen.getByTestId('intake-verification-expiry').textContent).toMatch(
      /^Giltig ytterligare (10:00|9:5\d) \(till /,
    );
    expect(screen.getByRole('table', { name: 'Vad uppringaren får begära' })).toBeTruthy();
    const fire = screen.getAllByTestId('intake-authority-row').find((row) => row.dataset.category === 'FIRE')!;
    expect(fire.textContent).toContain('Brand');
    expect(within(fire).getByTestId('intake-allowed').textContent).toContain('Serviceläge, Avsluta serviceläge, Spärr');
    expect(within(fire).getByTestId('intake-refused').textContent).toMatch(
      /^Ändra kontakter, lösenord eller åtgärdsplan: /,
    );
    expect(screen.getByTestId('intake-actions').textContent).toContain('3 · Vad Bo Berg (B-behörig) begär');
    expect(screen.getByTestId('intake-sm-verdict').textContent).toBe('Bo Berg (B-behörig) får begära detta.');
    expect(screen.getByTestId('intake-sm-submit').textContent).toBe('Aktivera serviceläge');

    const own = [
      ...ENGLISH,
      'Verified:',
      'Valid for',
      'until',
      'What the caller may ask for',
      'May ask for',
      'May not',
      'Set service mode',
      'Whole transmitter',
      'Duration (minutes)',
      'may ask for this',
    ];
    // The authority table's reasons come from @arc/shared in English for now: read every other text.
    const root = screen.getByTestId('intake-screen');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.closest('[data-testid="intake-refused"]')) texts.push(node.textContent ?? '');
    }
    const withoutReasons = texts.join(' ');
    expect(withoutReasons).toContain('Giltig ytterligare');
    expectNoEnglish(withoutReasons, own);
  });

  it('shows a failed verification in Swedish', () => {
    fakeServer(call({ siteId: SITE_ID }));
    renderWithSite(wrongPassword(5, '2026-01-01T10:15:00.000Z'));
    const result = screen.getByTestId('intake-verification');
    expect(result.textContent).toContain('✗ Inte verifierad: låst');
    expect(result.textContent).toContain('Misslyckade försök: 5 · låst till');
    expect(result.textContent).toContain(
      'Agera inte på uppringarens begäran. Misslyckade försök visas för arbetsledaren.',
    );
    expect(screen.getByTestId('intake-call-state').textContent).toBe(
      'Samtal om Kvarteret Svalan: uppringaren inte verifierad',
    );
    // The server's message stays as the server wrote it; the rest is Swedish.
    const message = screen.getByTestId('intake-verification-message').textContent ?? '';
    const rest = (result.textContent ?? '').replace(message, '');
    expectNoEnglish(rest, ['Not verified', 'Failed attempts', 'locked until', 'Do not act', 'supervisor']);
  });
});
