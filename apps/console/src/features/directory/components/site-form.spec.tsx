import type { SiteInput } from '@arc/shared/directory';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SiteForm } from './site-form';

function fill(values: Record<string, string>) {
  for (const [testId, value] of Object.entries(values)) {
    fireEvent.change(screen.getByTestId(testId), { target: { value } });
  }
}

describe('SiteForm', () => {
  it('shows the postcode message from the schema next to the field', async () => {
    const onSave = vi.fn((_input: SiteInput) => Promise.resolve());
    render(<SiteForm contracts={[]} onSave={onSave} onCancel={() => undefined} />);
    fill({
      'site-name': 'Kvarteret Svalan',
      'site-street': 'Storgatan 5',
      'site-postcode': '7221',
      'site-city': 'Västerås',
      'site-municipality': 'Västerås',
    });
    fireEvent.click(screen.getByTestId('site-save'));

    const error = await screen.findByTestId('site-postcode-error');
    expect(error.textContent).toBe('must be a Swedish postcode like 722 15');
    expect(screen.getByTestId('site-postcode').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('site-postcode').getAttribute('aria-describedby')).toBe(error.id);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves the normalised input', async () => {
    const onSave = vi.fn((_input: SiteInput) => Promise.resolve());
    render(<SiteForm contracts={[]} onSave={onSave} onCancel={() => undefined} />);
    fill({
      'site-name': ' Kvarteret Svalan ',
      'site-street': 'Storgatan 5',
      'site-postcode': '72215',
      'site-city': 'Västerås',
      'site-municipality': 'Västerås',
    });
    fireEvent.click(screen.getByTestId('site-save'));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toEqual({
      name: 'Kvarteret Svalan',
      street: 'Storgatan 5',
      postcode: '722 15',
      city: 'Västerås',
      municipality: 'Västerås',
      addressRef: null,
      contractId: null,
    });
  });
});
