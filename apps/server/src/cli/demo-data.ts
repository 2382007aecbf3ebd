/**
 * A small demo centre. Two sites share the street address "Storgatan 5" in different
 * municipalities on purpose: the customer's FAQ warns that this happens.
 */
export const DEMO_SITES = [
  {
    account: '1001',
    name: 'Kvarteret Svalan (kontor)',
    street: 'Storgatan 5',
    postcode: '722 15',
    city: 'Västerås',
    municipality: 'Västerås',
  },
  {
    account: '1002',
    name: 'Storgatan 5 bostadsrätt',
    street: 'Storgatan 5',
    postcode: '732 30',
    city: 'Arboga',
    municipality: 'Arboga',
  },
  {
    account: '1003',
    name: 'ICA Nära Centrum',
    street: 'Drottninggatan 12',
    postcode: '111 51',
    city: 'Stockholm',
    municipality: 'Stockholm',
  },
  {
    account: '1004',
    name: 'Förskolan Solrosen',
    street: 'Skolvägen 3',
    postcode: '753 20',
    city: 'Uppsala',
    municipality: 'Uppsala',
  },
  {
    account: '1005',
    name: 'Lagerhall Hamnen',
    street: 'Hamnvägen 40',
    postcode: '418 78',
    city: 'Göteborg',
    municipality: 'Göteborg',
  },
  {
    account: '1006',
    name: 'Apoteket Kronan',
    street: 'Kungsgatan 8',
    postcode: '211 49',
    city: 'Malmö',
    municipality: 'Malmö',
  },
  {
    account: '1007',
    name: 'Villa Berg',
    street: 'Björkvägen 17',
    postcode: '702 27',
    city: 'Örebro',
    municipality: 'Örebro',
  },
  {
    account: '1008',
    name: 'Vårdcentralen Norr',
    street: 'Norra vägen 2',
    postcode: '903 25',
    city: 'Umeå',
    municipality: 'Umeå',
  },
  {
    account: '00A9',
    name: 'Bensinstation E18',
    street: 'Industrigatan 1',
    postcode: '721 36',
    city: 'Västerås',
    municipality: 'Västerås',
  },
  {
    account: '0B10',
    name: 'Guldsmeden AB',
    street: 'Stora torget 4',
    postcode: '582 19',
    city: 'Linköping',
    municipality: 'Linköping',
  },
] as const;

/** Weighted event codes for the demo feed: mostly burglary and technical, some fire and hold-up. */
export const DEMO_CODES: readonly { code: string; weight: number }[] = [
  { code: 'BA', weight: 30 },
  { code: '1130', weight: 10 },
  { code: 'FA', weight: 6 },
  { code: '1111', weight: 3 },
  { code: 'HA', weight: 3 },
  { code: 'PA', weight: 2 },
  { code: 'AT', weight: 10 },
  { code: 'YT', weight: 6 },
  { code: 'YC', weight: 6 },
  { code: 'WA', weight: 3 },
  { code: 'TA', weight: 5 },
  { code: 'OP', weight: 8 },
  { code: 'CL', weight: 8 },
  { code: 'RP', weight: 5 },
];
