import type { AlarmCategory } from '@arc/shared/alarm';
import type {
  DirectoryTransferDocument,
  TransferActionStep,
  TransferContact,
  TransferPerson,
  TransferTransmitter,
} from '@arc/shared/directory-transfer';
import {
  COMPANY_KINDS,
  FIRST_NAMES,
  LAST_NAMES,
  MUNICIPALITIES,
  SITE_KINDS,
  SITE_NAMES,
  STREETS,
} from './vocabulary.js';

/**
 * A realistic Swedish centre as an import document, the same for the same seed and size, so the
 * demo and the benchmarks always see the same directory. Per 10,000 sites: 2,500 customers,
 * 3,000 contracts, 12,000 transmitters, 10,000 authorization lists with 40,000 persons,
 * 50 service companies, 20,000 contacts, 100 on-call rosters, and one action plan per category
 * that a site's transmitters use.
 *
 * Keys are prefixed per seed (customers `K<seed>-…`, contracts `A<seed>-…`, accounts `D<seed hex>…`),
 * so two seeds never collide with each other or with the demo accounts 1001–1008, 00A9, 0B10.
 */
export function generateDirectory(options: {
  sites: number;
  seed: number;
  /**
   * False: the transmitters get no supervision interval. The demo does this, as its feed plays
   * only the ten live sites: a generated transmitter that never sends would otherwise raise "test
   * signal missing" after its interval. The random draws are the same either way.
   */
  supervised?: boolean;
}): DirectoryTransferDocument {
  const supervised = options.supervised ?? true;
  const ifSupervised = (seconds: number): number | null => (supervised ? seconds : null);
  const random = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const phone = () => `+467${pick(['0', '2', '3', '6'])}${String(int(0, 9_999_999)).padStart(7, '0')}`;
  const personName = () => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
  const seedTag = String(options.seed);
  const accountPrefix = generatedAccountPrefix(options.seed);

  const siteCount = options.sites;
  const customerCount = Math.max(1, Math.round(siteCount / 4));
  const contractCount = Math.max(customerCount, Math.round(siteCount * 0.3));

  const doc: DirectoryTransferDocument = {
    format: 'arc-directory',
    version: 1,
    customers: [],
    contracts: [],
    sites: [],
    transmitters: [],
    authorizationLists: [],
    serviceCompanies: [],
    contacts: [],
    onCallRosters: [],
    actionPlans: [],
  };

  for (let i = 0; i < customerCount; i += 1) {
    const company = random() < 0.7;
    doc.customers.push({
      customerNo: customerNo(seedTag, i),
      name: company ? `${pick(LAST_NAMES)}s ${pick(COMPANY_KINDS)}` : personName(),
      orgNo: company ? orgNo(int(100_000_000, 999_999_999)) : null,
    });
  }
  for (let i = 0; i < contractCount; i += 1) {
    // Every customer has at least one contract; the rest go to random customers.
    const customer = i < customerCount ? i : int(0, customerCount - 1);
    doc.contracts.push({
      contractNo: `A${seedTag}-${String(i + 1).padStart(6, '0')}`,
      customerNo: customerNo(seedTag, customer),
      managerName: personName(),
      managerPhone: phone(),
      managerEmail: random() < 0.6 ? `avtal${i + 1}@exempel.se` : null,
      yearlyEventQuota: pick([10, 20, 25, 50, 100]),
      startDate: `${int(2015, 2025)}-${String(int(1, 12)).padStart(2, '0')}-01`,
      termMonths: pick([12, 24, 36, 60]),
    });
  }

  const rosterCount = Math.max(1, Math.round(siteCount / 100));
  for (let r = 0; r < rosterCount; r += 1) {
    doc.onCallRosters.push({
      ref: `roster-${r}`,
      name: `Jour ${pick(MUNICIPALITIES).name} ${r + 1}`,
      rotationStart: '2026-01-05',
      members: Array.from({ length: int(3, 5) }, () => ({ name: personName(), phone: phone() })),
    });
  }

  const companyCount = Math.max(1, Math.round(siteCount / 200));
  const companySites: string[][] = Array.from({ length: companyCount }, () => []);
  let account = 0;
  for (let i = 0; i < siteCount; i += 1) {
    const ref = `site-${i}`;
    const place = pick(MUNICIPALITIES);
    const kind = pick(SITE_KINDS);
    doc.sites.push({
      ref,
      name: `${kind} ${pick(SITE_NAMES)}`,
      street: `${pick(STREETS)} ${int(1, 60)}`,
      postcode: postcodeIn(place.postcodes, int),
      city: place.name,
      municipality: place.name,
      addressRef: random() < 0.3 ? `Ingång från ${pick(['gården', 'baksidan', 'parkeringen', 'porten'])}` : null,
      contractNo: doc.contracts[i < contractCount ? i : int(0, contractCount - 1)]!.contractNo,
    });

    const transmitters: TransferTransmitter[] = [
      {
        account: `${accountPrefix}${(account++).toString(16).toUpperCase().padStart(5, '0')}`,
        siteRef: ref,
        protocol: pick(['SIA-DCS', 'ADM-CID'] as const),
        supervisionIntervalSeconds: ifSupervised(pick([90, 180, 300, 3600, 90_000])),
        inputCategory: pick(['INTRUSION', 'INTRUSION', 'INTRUSION', 'FIRE', 'HOLDUP'] as const),
      },
    ];
    if (random() < 0.2) {
      transmitters.push({
        account: `${accountPrefix}${(account++).toString(16).toUpperCase().padStart(5, '0')}`,
        siteRef: ref,
        protocol: 'SIA-DCS',
        supervisionIntervalSeconds: ifSupervised(3600),
        inputCategory: pick(['FIRE', 'TECHNICAL'] as const),
      });
    }
    doc.transmitters.push(...transmitters);

    const persons: TransferPerson[] = Array.from({ length: 4 }, (_, p) => ({
      name: personName(),
      phone: phone(),
      level: p === 0 ? 'A' : p === 1 ? pick(['A', 'B'] as const) : pick(['B', 'C', 'C'] as const),
    }));
    doc.authorizationLists.push({
      ref: `list-${i}`,
      name: `Behörighetslista ${ref.slice(5)}`,
      siteRefs: [ref],
      persons,
    });

    const contacts: TransferContact[] = Array.from({ length: 2 }, (_, c) => {
      const name = personName();
      return {
        ref: `${ref}-contact-${c}`,
        siteRef: ref,
        name,
        note: c === 0 ? 'Nyckelhållare' : null,
        routes:
          random() < 0.5
            ? [
                { kind: 'PHONE', value: phone() },
                { kind: 'SMS', value: phone() },
              ]
            : [
                { kind: 'PHONE', value: phone() },
                { kind: 'EMAIL', value: `kontakt${i}-${c}@exempel.se` },
              ],
      };
    });
    doc.contacts.push(...contacts);

    const roster = `roster-${i % rosterCount}`;
    const categories = [...new Set(transmitters.map((t) => t.inputCategory!))];
    for (const category of categories) {
      doc.actionPlans.push({ siteRef: ref, category, steps: planSteps(category, contacts, roster) });
    }
    companySites[i % companyCount]!.push(ref);
  }

  for (let c = 0; c < companyCount; c += 1) {
    const installers: TransferPerson[] = Array.from({ length: 5 }, (_, p) => ({
      ref: `installer-${c}-${p}`,
      name: personName(),
      phone: phone(),
      level: 'B',
    }));
    doc.serviceCompanies.push({
      ref: `company-${c}`,
      name: `${pick(LAST_NAMES)}s ${pick(['Larm', 'Säkerhet', 'Brandskydd', 'Elteknik'])} AB`,
      orgNo: orgNo(int(100_000_000, 999_999_999)),
      siteRefs: companySites[c]!,
      installers,
      approvals: [
        { kind: 'FIRE_CERTIFICATE', installerRef: null, reference: `SBSC-${int(10_000, 99_999)}` },
        ...installers.slice(0, 3).map((installer) => ({
          kind: 'POLICE_INTRUSION' as const,
          installerRef: installer.ref!,
          reference: `POL-${int(100_000, 999_999)}`,
          validFrom: '2025-01-01',
          validTo: '2027-12-31',
        })),
      ],
    });
  }
  return doc;
}

function planSteps(category: AlarmCategory, contacts: TransferContact[], roster: string): TransferActionStep[] {
  const callContacts: TransferActionStep[] = contacts.map((c) => ({ type: 'CALL_CONTACT', contactRef: c.ref }));
  switch (category) {
    case 'FIRE':
      return [{ type: 'ALERT_RESCUE_SERVICE', mandatory: true }, ...callContacts];
    case 'HOLDUP':
      return [
        { type: 'ALERT_POLICE', mandatory: true },
        { type: 'INSTRUCTION', instruction: 'Ring aldrig upp objektet vid överfallslarm.', mandatory: true },
        ...callContacts,
      ];
    case 'INTRUSION':
      return [...callContacts, { type: 'DISPATCH_GUARD', mandatory: true }];
    case 'TECHNICAL':
    case 'SERVICE':
      return [{ type: 'CALL_ON_CALL', rosterRef: roster }, ...callContacts];
  }
}

function customerNo(seed: string, index: number): string {
  return `K${seed}-${String(index + 1).padStart(6, '0')}`;
}

/** Every account the generator makes for this seed starts with this. */
export function generatedAccountPrefix(seed: number): string {
  return `D${(seed % 256).toString(16).toUpperCase().padStart(2, '0')}`;
}

/** The generator's first customer: present means this seed was generated before. */
export function markerCustomerNo(seed: number): string {
  return customerNo(String(seed), 0);
}

function postcodeIn(range: readonly [number, number], int: (min: number, max: number) => number): string {
  return `${int(range[0], range[1])} ${String(int(10, 99))}`;
}

/** A valid Swedish organisation number (Luhn over 10 digits) from 9 digits. */
function orgNo(nine: number): string {
  const digits = `5${String(nine).slice(1)}`;
  for (let check = 0; check <= 9; check += 1) {
    const candidate = `${digits}${check}`;
    let sum = 0;
    for (let i = 0; i < 10; i += 1) {
      let d = Number(candidate[i]);
      if (i % 2 === 0) d *= 2;
      sum += d > 9 ? d - 9 : d;
    }
    if (sum % 10 === 0) return `${candidate.slice(0, 6)}-${candidate.slice(6)}`;
  }
  throw new Error('unreachable: one check digit always fits');
}

/** Small, fast, seedable PRNG (public domain); Math.random cannot be seeded. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
