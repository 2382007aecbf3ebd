import type { Contact, DirectorySearchHit, Person, SiteDetail } from '@arc/shared';

export const SITE_ID = '2b8f0a86-9d7a-4d0e-8b52-5b7e0f0c1a22';
export const CONTACT_A = '11111111-1111-4111-8111-111111111111';
export const CONTACT_B = '22222222-2222-4222-8222-222222222222';
const T = '2026-01-01T10:00:00.000Z';

export function contact(id: string, name: string, position: number): Contact {
  return { id, siteId: SITE_ID, name, note: null, position, routes: [{ kind: 'PHONE', value: '+46701234567' }] };
}

export function person(id: string, name: string, level: Person['level']): Person {
  return {
    id,
    listId: '33333333-3333-4333-8333-333333333333',
    name,
    phone: '+46701234567',
    level,
    validFrom: null,
    validTo: null,
    hasPassword: false,
    createdAt: T,
    updatedAt: T,
  };
}

export function siteDetail(name = 'Kvarteret Svalan'): SiteDetail {
  return {
    site: {
      id: SITE_ID,
      name,
      street: 'Storgatan 5',
      postcode: '722 15',
      city: 'Västerås',
      municipality: 'Västerås',
      addressRef: null,
      contractId: null,
      contractNo: null,
      customerNo: null,
      customerName: null,
      archivedAt: null,
      createdAt: T,
      updatedAt: T,
    },
    contract: null,
    customer: null,
    transmitters: [],
    authorizationLists: [],
    serviceCompanies: [],
    contacts: [contact(CONTACT_A, 'Anna', 1), contact(CONTACT_B, 'Bertil', 2)],
    actionPlans: [],
    onCallRosters: [],
  };
}

export function hit(siteName: string, municipality: string, address = 'Storgatan 5, 722 15'): DirectorySearchHit {
  return {
    siteId: `${municipality.length}${siteName.length}000000-0000-4000-8000-000000000000`.slice(0, 36),
    siteName,
    address,
    municipality,
    customerNo: 'K100',
    contractNo: 'A200',
    accounts: ['1001'],
    matchedOn: 'site',
    score: 1,
  };
}
