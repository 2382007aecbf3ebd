export interface DemoSite {
  account: string;
  name: string;
  street: string;
  postcode: string;
  city: string;
  municipality: string;
  protocol: 'SIA-DCS' | 'ADM-CID';
  /** EN 50136 reporting interval: 90 s (SP5/DP4) up to 25 h (SP2). */
  supervisionSeconds: number;
  /** The DC-09 AES key as configured in the panel; sealed with SECRETS_KEY in the database. */
  key: string | null;
  /** The customer (customer number DEMO-<account>, one contract DEMO-A-<account>). */
  customer: string;
  /** Key holders and others to call, in call order (the action plans' "Call contact" steps). */
  contacts: readonly DemoContact[];
  /** The site's authorization list: who may call the centre about it (passwords: demo-callers.ts). */
  authority: readonly DemoPerson[];
}

export interface DemoContact {
  name: string;
  note: string | null;
  routes: readonly { kind: 'PHONE' | 'SMS' | 'EMAIL'; value: string }[];
}

export interface DemoPerson {
  name: string;
  phone: string;
  /** A: may change anything (service mode, block windows); B: operational; C: information only. */
  level: 'A' | 'B' | 'C';
}

/**
 * How often the demo feed sends a NULL link test for a transmitter with this supervision
 * interval: well within the interval (a third of it, 20 to 60 s), so the demo never misses one.
 */
export function demoHeartbeatSeconds(supervisionSeconds: number): number {
  return Math.min(60, Math.max(20, supervisionSeconds / 3));
}

/** The service technicians on call for the demo sites (one week each, from rotationStart). */
export const DEMO_ROSTER = {
  name: 'On call: Demo Larmteknik AB',
  rotationStart: '2026-01-05',
  members: [
    { name: 'Jonas Lind', phone: '+46701110001' },
    { name: 'Fatima Hassan', phone: '+46701110002' },
    { name: 'Peter Åkesson', phone: '+46701110003' },
    { name: 'Linnea Holm', phone: '+46701110004' },
  ],
} as const;

const phoneAndSms = (phone: string): DemoContact['routes'] => [
  { kind: 'PHONE', value: phone },
  { kind: 'SMS', value: phone },
];

/**
 * A small demo centre. Two sites share the street address "Storgatan 5" in different
 * municipalities on purpose: the customer's FAQ warns that this happens. The keys are demo
 * values, public on purpose: the simulator must know them to play the two encrypting panels.
 */
export const DEMO_SITES: readonly DemoSite[] = [
  {
    account: '1001',
    name: 'Kvarteret Svalan (kontor)',
    street: 'Storgatan 5',
    postcode: '722 15',
    city: 'Västerås',
    municipality: 'Västerås',
    protocol: 'SIA-DCS',
    supervisionSeconds: 3600,
    key: null,
    customer: 'Svalan Fastigheter AB',
    contacts: [
      {
        name: 'Kristina Ek',
        note: 'Office manager, has keys',
        routes: [...phoneAndSms('+46702100101'), { kind: 'EMAIL', value: 'kristina.ek@svalan.example' }],
      },
      {
        name: 'Fastighetsjouren Västerås',
        note: 'Property on-call, 24 h',
        routes: [{ kind: 'PHONE', value: '+46213001000' }],
      },
    ],
    authority: [
      { name: 'Kristina Ek', phone: '+46702100101', level: 'A' },
      { name: 'Mats Öberg', phone: '+46702100102', level: 'B' },
    ],
  },
  {
    account: '1002',
    name: 'Storgatan 5 bostadsrätt',
    street: 'Storgatan 5',
    postcode: '732 30',
    city: 'Arboga',
    municipality: 'Arboga',
    protocol: 'ADM-CID',
    supervisionSeconds: 90000,
    key: null,
    customer: 'Brf Storgatan 5 Arboga',
    contacts: [
      {
        name: 'Göran Lund',
        note: 'Board chairman, has keys',
        routes: [
          { kind: 'PHONE', value: '+46702200201' },
          { kind: 'EMAIL', value: 'styrelsen@storgatan5.example' },
        ],
      },
      { name: 'Elin Sjöberg', note: 'Board member', routes: phoneAndSms('+46702200202') },
    ],
    authority: [
      { name: 'Göran Lund', phone: '+46702200201', level: 'A' },
      { name: 'Elin Sjöberg', phone: '+46702200202', level: 'B' },
    ],
  },
  {
    account: '1003',
    name: 'ICA Nära Centrum',
    street: 'Drottninggatan 12',
    postcode: '111 51',
    city: 'Stockholm',
    municipality: 'Stockholm',
    protocol: 'SIA-DCS',
    supervisionSeconds: 180,
    key: 'ArcDemoKey-1003!',
    customer: 'Centrumlivs AB',
    contacts: [
      {
        name: 'Ahmed Karimi',
        note: 'Store manager, has keys and codes',
        routes: [...phoneAndSms('+46702300301'), { kind: 'EMAIL', value: 'ahmed.karimi@icacentrum.example' }],
      },
      { name: 'Sofia Nyström', note: 'Deputy store manager', routes: phoneAndSms('+46702300302') },
      { name: 'Johan Wikström', note: 'Owner', routes: [{ kind: 'PHONE', value: '+46702300303' }] },
    ],
    authority: [
      { name: 'Ahmed Karimi', phone: '+46702300301', level: 'A' },
      { name: 'Sofia Nyström', phone: '+46702300302', level: 'B' },
      { name: 'Johan Wikström', phone: '+46702300303', level: 'A' },
    ],
  },
  {
    account: '1004',
    name: 'Förskolan Solrosen',
    street: 'Skolvägen 3',
    postcode: '753 20',
    city: 'Uppsala',
    municipality: 'Uppsala',
    protocol: 'ADM-CID',
    supervisionSeconds: 1800,
    key: null,
    customer: 'Uppsala kommun, förskoleförvaltningen',
    contacts: [
      {
        name: 'Anna Berg',
        note: 'Head of preschool, has keys',
        routes: [...phoneAndSms('+46702400401'), { kind: 'EMAIL', value: 'anna.berg@solrosen.example' }],
      },
      {
        name: 'Uppsala kommun fastighet',
        note: 'Municipal property on-call, 24 h',
        routes: [{ kind: 'PHONE', value: '+46187270000' }],
      },
    ],
    authority: [
      { name: 'Anna Berg', phone: '+46702400401', level: 'A' },
      { name: 'Oskar Lindqvist', phone: '+46702400402', level: 'B' },
      { name: 'Maja Holm', phone: '+46702400403', level: 'C' },
    ],
  },
  {
    account: '1005',
    name: 'Lagerhall Hamnen',
    street: 'Hamnvägen 40',
    postcode: '418 78',
    city: 'Göteborg',
    municipality: 'Göteborg',
    protocol: 'SIA-DCS',
    supervisionSeconds: 600,
    key: null,
    customer: 'Hamnens Logistik AB',
    contacts: [
      { name: 'Stefan Ahlgren', note: 'Warehouse manager, has keys', routes: phoneAndSms('+46702500501') },
      {
        name: 'Hamnens Logistik AB',
        note: 'Switchboard, office hours',
        routes: [
          { kind: 'PHONE', value: '+46317770000' },
          { kind: 'EMAIL', value: 'drift@hamnenslogistik.example' },
        ],
      },
    ],
    authority: [
      { name: 'Stefan Ahlgren', phone: '+46702500501', level: 'A' },
      { name: 'Nadia Petrović', phone: '+46702500502', level: 'B' },
    ],
  },
  {
    account: '1006',
    name: 'Apoteket Kronan',
    street: 'Kungsgatan 8',
    postcode: '211 49',
    city: 'Malmö',
    municipality: 'Malmö',
    protocol: 'SIA-DCS',
    supervisionSeconds: 90,
    key: null,
    customer: 'Apoteket Kronan AB',
    contacts: [
      {
        name: 'Ingrid Malm',
        note: 'Pharmacist in charge, has keys',
        routes: [...phoneAndSms('+46702600601'), { kind: 'EMAIL', value: 'ingrid.malm@apoteketkronan.example' }],
      },
      { name: 'Erik Sandberg', note: 'Pharmacist', routes: phoneAndSms('+46702600602') },
    ],
    authority: [
      { name: 'Ingrid Malm', phone: '+46702600601', level: 'A' },
      { name: 'Erik Sandberg', phone: '+46702600602', level: 'B' },
    ],
  },
  {
    account: '1007',
    name: 'Villa Berg',
    street: 'Björkvägen 17',
    postcode: '702 27',
    city: 'Örebro',
    municipality: 'Örebro',
    protocol: 'ADM-CID',
    supervisionSeconds: 90000,
    key: null,
    customer: 'Lars och Karin Berg',
    contacts: [
      {
        name: 'Lars Berg',
        note: 'Owner, has keys',
        routes: [...phoneAndSms('+46702700701'), { kind: 'EMAIL', value: 'lars.berg@villaberg.example' }],
      },
      { name: 'Karin Berg', note: 'Owner', routes: phoneAndSms('+46702700702') },
      { name: 'Per Nilsson', note: 'Neighbour, spare key', routes: [{ kind: 'PHONE', value: '+46702700703' }] },
    ],
    authority: [
      { name: 'Lars Berg', phone: '+46702700701', level: 'A' },
      { name: 'Karin Berg', phone: '+46702700702', level: 'A' },
    ],
  },
  {
    account: '1008',
    name: 'Vårdcentralen Norr',
    street: 'Norra vägen 2',
    postcode: '903 25',
    city: 'Umeå',
    municipality: 'Umeå',
    protocol: 'SIA-DCS',
    supervisionSeconds: 300,
    key: null,
    customer: 'Region Västerbotten',
    contacts: [
      {
        name: 'Helena Forsberg',
        note: 'Unit manager',
        routes: [...phoneAndSms('+46702800801'), { kind: 'EMAIL', value: 'helena.forsberg@vcnorr.example' }],
      },
      {
        name: 'Regionens fastighetsjour',
        note: 'Property on-call, 24 h',
        routes: [{ kind: 'PHONE', value: '+46907850000' }],
      },
    ],
    authority: [
      { name: 'Helena Forsberg', phone: '+46702800801', level: 'A' },
      { name: 'David Öhman', phone: '+46702800802', level: 'B' },
    ],
  },
  {
    account: '00A9',
    name: 'Bensinstation E18',
    street: 'Industrigatan 1',
    postcode: '721 36',
    city: 'Västerås',
    municipality: 'Västerås',
    protocol: 'ADM-CID',
    supervisionSeconds: 900,
    key: null,
    customer: 'E18 Drivmedel AB',
    contacts: [
      { name: 'Mikael Strand', note: 'Station manager, has keys', routes: phoneAndSms('+46702900901') },
      {
        name: 'E18 Drivmedel AB',
        note: 'Head office',
        routes: [
          { kind: 'PHONE', value: '+46214400000' },
          { kind: 'EMAIL', value: 'larm@e18drivmedel.example' },
        ],
      },
    ],
    authority: [
      { name: 'Mikael Strand', phone: '+46702900901', level: 'A' },
      { name: 'Emma Jonsson', phone: '+46702900902', level: 'B' },
    ],
  },
  {
    account: '0B10',
    name: 'Guldsmeden AB',
    street: 'Stora torget 4',
    postcode: '582 19',
    city: 'Linköping',
    municipality: 'Linköping',
    protocol: 'SIA-DCS',
    supervisionSeconds: 90,
    key: '6B2E9F0C4D8A17E35C90B4F2A61D7E08C3F59A2E4B7D10C6E8F2A3B5D9C4E7F1',
    customer: 'Guldsmeden i Linköping AB',
    contacts: [
      {
        name: 'Viktor Guldberg',
        note: 'Owner, has keys and codes',
        routes: [...phoneAndSms('+46703001001'), { kind: 'EMAIL', value: 'viktor@guldsmeden.example' }],
      },
      { name: 'Sara Guldberg', note: 'Owner', routes: phoneAndSms('+46703001002') },
    ],
    authority: [
      { name: 'Viktor Guldberg', phone: '+46703001001', level: 'A' },
      { name: 'Sara Guldberg', phone: '+46703001002', level: 'B' },
    ],
  },
];
