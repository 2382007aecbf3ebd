import { alarmTitle } from '@arc/shared/case-title';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { applyLocale } from '../../../lib/i18n/locale';
import { makeCase } from '../test/fixtures';
import { QueueRow } from './queue-row';

afterEach(() => applyLocale('en'));

const unknownSite = alarmTitle({ eventCode: '1130', description: 'Burglary', zone: '7', unknownTransmitter: true });

function renderTitle(overrides = {}) {
  render(
    <table>
      <tbody>
        <QueueRow summary={makeCase({ ...unknownSite, ...overrides })} now={Date.parse('2026-01-01T10:00:30.000Z')} />
      </tbody>
    </table>,
  );
  return screen.getByTestId('queue-row').querySelector('.queue-row__title-text')!;
}

describe('QueueRow title', () => {
  it('says the case title in Swedish, with no English left', () => {
    applyLocale('sv');
    const title = renderTitle();
    expect(title.textContent).toBe('Okänd larmsändare: Inbrott, zon 7');
    expect(title.getAttribute('title')).toBe('Okänd larmsändare: Inbrott, zon 7');
    expect(title.textContent).not.toMatch(/Unknown|transmitter|Burglary|zone/);
  });

  it('says it in English as the server stored it', () => {
    expect(renderTitle().textContent).toBe('Unknown transmitter: Burglary, zone 7');
  });

  it('shows the stored title of a case made before titles had keys', () => {
    applyLocale('sv');
    expect(renderTitle({ titleKey: null, titleParams: null }).textContent).toBe(
      'Unknown transmitter: Burglary, zone 7',
    );
  });
});
