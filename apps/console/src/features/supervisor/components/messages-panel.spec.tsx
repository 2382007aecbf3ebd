import type { ManagerMessageEntry } from '@arc/shared/intake';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessagesPanel } from './messages-panel';

function makeMessage(overrides: Partial<ManagerMessageEntry> = {}): ManagerMessageEntry {
  return {
    id: '6b1e4c1e-0000-4000-8000-000000000001',
    at: '2026-11-29T08:15:00.000Z',
    contractId: '6b1e4c1e-0000-4000-8000-0000000000c1',
    siteId: '6b1e4c1e-0000-4000-8000-0000000000a1',
    siteName: 'Kvarteret Svalan',
    fromPerson: { id: '6b1e4c1e-0000-4000-8000-0000000000b1', name: 'Bo Budskap' },
    text: 'Please call me about the invoice',
    takenBy: { userId: '6b1e4c1e-0000-4000-8000-0000000000d1', name: 'Olle Operatör' },
    contract: {
      contractNo: 'A-1001',
      managerName: 'Eva Ek',
      managerPhone: '+46701234567',
      managerEmail: 'eva@kund.se',
    },
    forwarded: null,
    ...overrides,
  };
}

/** GET answers `list`; POSTs answer `posted()`. Returns the mock, to read what was sent. */
function serve(list: ManagerMessageEntry[], posted: () => Response = () => Response.json({})) {
  const fetchMock = vi.fn((_url: string, init?: RequestInit) =>
    Promise.resolve((init?.method ?? 'GET') === 'GET' ? Response.json(list) : posted()),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('MessagesPanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the waiting messages with the contract manager to pass each to', async () => {
    serve([makeMessage(), makeMessage({ id: '6b1e4c1e-0000-4000-8000-000000000002', contract: null })]);
    render(<MessagesPanel />);
    await settle();
    expect(screen.getByTestId('messages-waiting').textContent).toBe('2 to pass on');
    const [first, second] = screen.getAllByTestId('message-item');
    expect(within(first!).getByTestId('message-text').textContent).toBe('Please call me about the invoice');
    expect(within(first!).getByTestId('message-manager').textContent).toBe(
      'To Eva Ek (contract A-1001), +46701234567, eva@kund.se',
    );
    expect(within(first!).getByRole('link').getAttribute('href')).toBe('mailto:eva@kund.se');
    expect(within(second!).getByTestId('message-manager').textContent).toContain('no contract');
  });

  it('records how a message was passed on and takes it off the list', async () => {
    const fetchMock = serve([makeMessage()], () =>
      Response.json(
        makeMessage({
          forwarded: {
            at: '2026-11-29T08:30:00.000Z',
            by: { userId: '6b1e4c1e-0000-4000-8000-0000000000e1', name: 'Sara Supervisor' },
            note: 'E-mailed to Eva',
          },
        }),
      ),
    );
    render(<MessagesPanel />);
    await settle();
    const button = screen.getByTestId('message-forwarded') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('message-note'), { target: { value: ' E-mailed to Eva ' } });
    fireEvent.click(button);
    await settle();

    const posts = fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');
    expect(posts.map(([url, init]) => [url, JSON.parse(String(init?.body))])).toEqual([
      ['/api/v1/intake/messages/6b1e4c1e-0000-4000-8000-000000000001/forwarded', { note: 'E-mailed to Eva' }],
    ]);
    expect(screen.queryAllByTestId('message-item')).toHaveLength(0);
    expect(screen.getByText('No messages waiting.')).toBeTruthy();
  });

  it("shows the server's refusal in words when someone else passed it on first", async () => {
    serve([makeMessage()], () =>
      Response.json(
        {
          statusCode: 409,
          error: 'CONFLICT',
          message: 'The message was already passed on by Siv at 2026-11-29 08:20 UTC',
        },
        { status: 409 },
      ),
    );
    render(<MessagesPanel />);
    await settle();
    fireEvent.change(screen.getByTestId('message-note'), { target: { value: 'Phoned' } });
    fireEvent.click(screen.getByTestId('message-forwarded'));
    await settle();
    expect(screen.getByTestId('message-refusal').textContent).toBe(
      'The message was already passed on by Siv at 2026-11-29 08:20 UTC',
    );
  });
});
