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
}

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
  },
];
