import { describe, expect, it } from 'vitest';
import { applyLocale } from '../../../lib/i18n/locale';
import { auditParams, auditPath, checkAuditFilters, NO_FILTERS } from './audit-query';

describe('auditParams', () => {
  it('sends only the filters set, times as instants read in the centre’s zone (Europe/Stockholm)', () => {
    expect(auditParams(NO_FILTERS, 1, 20)).toEqual({ page: '1', pageSize: '20' });
    expect(
      auditParams(
        {
          actor: '22222222-2222-4222-8222-222222222222',
          actorName: 'Ada Admin',
          entity: 'contract',
          entityId: '  d1 ',
          action: 'UPDATE',
          from: '2026-03-01T09:00',
          to: '2026-07-01T00:00',
        },
        3,
        20,
      ),
    ).toEqual({
      page: '3',
      pageSize: '20',
      actor: '22222222-2222-4222-8222-222222222222',
      entity: 'contract',
      entityId: 'd1',
      action: 'UPDATE',
      from: '2026-03-01T08:00:00.000Z', // winter time, UTC+1
      to: '2026-06-30T22:00:00.000Z', // summer time, UTC+2
    });
    expect(auditPath({ ...NO_FILTERS, entity: 'security-settings' }, 1, 20)).toBe(
      '/audit?page=1&pageSize=20&entity=security-settings',
    );
  });
});

describe('checkAuditFilters', () => {
  it('accepts what the server accepts', () => {
    expect(checkAuditFilters(NO_FILTERS)).toEqual({});
    expect(checkAuditFilters({ ...NO_FILTERS, from: '2026-03-01T09:00', to: '2026-03-01T10:00' })).toEqual({});
  });

  it('refuses a period that does not end after it starts, and a time that is not one', () => {
    expect(checkAuditFilters({ ...NO_FILTERS, from: '2026-03-01T10:00', to: '2026-03-01T10:00' })).toEqual({
      to: 'Until must be after From',
    });
    expect(checkAuditFilters({ ...NO_FILTERS, from: '2026-03' })).toEqual({ from: 'Enter a date and time' });
    expect(checkAuditFilters({ ...NO_FILTERS, entityId: 'x'.repeat(101) })).toHaveProperty('entityId');
  });

  it('says so in Swedish', () => {
    applyLocale('sv');
    expect(checkAuditFilters({ ...NO_FILTERS, from: '2026-03-02T10:00', to: '2026-03-01T10:00' })).toEqual({
      to: 'Till måste vara senare än Från',
    });
  });
});
