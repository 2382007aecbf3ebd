import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SITE_ID, transmitter, TX_FIRE } from '../test/fixtures';
import { SiteInstructionsSection, SiteNotesSection } from './site-knowledge-section';
import { ZonesSection } from './site-zones-section';

interface Call {
  method: string;
  path: string;
  body: unknown;
}

function stubApi(handler: (call: Call) => unknown): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit = {}) => {
      const call = {
        method: init.method ?? 'GET',
        path: url.replace(/^\/api\/v1/, ''),
        body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      };
      calls.push(call);
      const answer = handler(call);
      return Promise.resolve(answer === undefined ? new Response(null, { status: 204 }) : Response.json(answer));
    }),
  );
  return calls;
}

describe('site knowledge in the directory', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lets an admin edit a transmitter zone list and sends it whole', async () => {
    const calls = stubApi(({ method, body }) =>
      method === 'PUT' ? (body as { zones: unknown[] }).zones : [{ zone: '2', name: 'Hall', location: null }],
    );
    render(<ZonesSection transmitters={[transmitter(TX_FIRE, '1001', 'FIRE')]} canEdit />);
    await waitFor(() => expect(screen.getByTestId('zone').textContent).toBe('2 — Hall'));
    fireEvent.click(screen.getByTestId('zones-edit'));
    fireEvent.click(screen.getByTestId('zone-add'));
    const rows = screen.getAllByTestId('zone-row');
    fireEvent.change(within(rows[1]!).getByTestId('zone-number'), { target: { value: '002' } });
    fireEvent.change(within(rows[1]!).getByTestId('zone-name'), { target: { value: 'Kitchen' } });
    fireEvent.click(screen.getByTestId('zones-save'));
    // "002" and "2" are the same zone: refused before anything is sent, in words.
    expect(screen.getByTestId('zones-error').textContent).toBe('Row 2: zone zone 002 is listed twice');
    fireEvent.change(within(rows[1]!).getByTestId('zone-number'), { target: { value: '003' } });
    fireEvent.change(within(rows[1]!).getByTestId('zone-location'), { target: { value: 'Above the stove' } });
    fireEvent.click(screen.getByTestId('zones-save'));
    await waitFor(() => expect(screen.getAllByTestId('zone')).toHaveLength(2));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe(`/transmitters/${TX_FIRE}/zones`);
    expect(put.body).toEqual({
      zones: [
        { zone: '2', name: 'Hall', location: null },
        { zone: '003', name: 'Kitchen', location: 'Above the stove' },
      ],
    });
  });

  it('shows no edit button to operators', async () => {
    stubApi(() => []);
    render(<ZonesSection transmitters={[transmitter(TX_FIRE, '1001', 'FIRE')]} canEdit={false} />);
    await waitFor(() => expect(screen.getByText('No zone names.')).toBeTruthy());
    expect(screen.queryByTestId('zones-edit')).toBeNull();
  });

  it('saves instructions and hazards and refuses a number that is none, naming the field', async () => {
    const knowledge = { siteId: SITE_ID, instructions: null, hazards: null, policePhone: null, rescuePhone: null };
    const calls = stubApi(({ method, body }) => (method === 'PUT' ? { ...knowledge, ...(body as object) } : knowledge));
    render(<SiteInstructionsSection siteId={SITE_ID} canEdit />);
    fireEvent.click(await screen.findByTestId('knowledge-edit'));
    fireEvent.change(screen.getByTestId('knowledge-hazards'), { target: { value: 'Dog in the yard' } });
    fireEvent.change(screen.getByTestId('knowledge-police'), { target: { value: 'ring them' } });
    fireEvent.click(screen.getByTestId('knowledge-save'));
    expect(screen.getByTestId('knowledge-error').textContent).toMatch(/^Police number must be a number to dial/);
    fireEvent.change(screen.getByTestId('knowledge-police'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('knowledge-save'));
    await waitFor(() => expect(screen.getByTestId('knowledge-view').textContent).toContain('Dog in the yard'));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      instructions: null,
      hazards: 'Dog in the yard',
      policePhone: null,
      rescuePhone: null,
    });
  });

  it('adds a site note valid for the chosen time and lists expired ones on request', async () => {
    const calls = stubApi(({ method }) => (method === 'POST' ? { id: 'n1' } : []));
    render(<SiteNotesSection siteId={SITE_ID} canDelete={false} />);
    fireEvent.change(screen.getByTestId('site-note-text'), { target: { value: 'Painters on site' } });
    fireEvent.change(screen.getByTestId('site-note-hours'), { target: { value: '72' } });
    const before = Date.now();
    fireEvent.click(screen.getByTestId('site-note-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const body = calls.find((c) => c.method === 'POST')!.body as { text: string; validUntil: string };
    expect(body.text).toBe('Painters on site');
    expect(Date.parse(body.validUntil) - before).toBeGreaterThanOrEqual(72 * 3_600_000 - 1000);
    fireEvent.click(screen.getByTestId('site-notes-expired'));
    await waitFor(() => expect(calls.some((c) => c.path === `/sites/${SITE_ID}/notes?includeExpired=true`)).toBe(true));
  });
});
