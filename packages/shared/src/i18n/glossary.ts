/**
 * The centre's own words, which every Swedish text uses (docs/glossary.md is the translators'
 * copy, checked against this list). `avoid` lists words a translation must not use for the
 * concept; catalogue.spec.ts fails when a Swedish message contains one of them as a word.
 */
export interface GlossaryTerm {
  readonly sv: string;
  readonly en: string;
  /** Inflections translators will meet (definite, plural). */
  readonly forms: readonly string[];
  readonly avoid: readonly string[];
  readonly note: string;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    sv: 'larm',
    en: 'alarm',
    forms: ['larmet', 'larmen'],
    avoid: ['alarm', 'alarmet', 'alarmen'],
    note: 'A signal from a building that may need a person. Compounds: brandlarm, inbrottslarm, överfallslarm.',
  },
  {
    sv: 'ärende',
    en: 'case',
    forms: ['ärendet', 'ärenden', 'ärendena', 'ärendenummer'],
    avoid: ['case', 'casen', 'incident'],
    note: 'What an operator works: one or more alarms from one site, taken, handled by the action plan and closed.',
  },
  {
    sv: 'åtgärdsplan',
    en: 'action plan',
    forms: ['åtgärdsplanen', 'åtgärdsplaner'],
    avoid: ['handlingsplan', 'insatsplan', 'aktionsplan'],
    note: 'What to do, step by step, for one site and one alarm category.',
  },
  {
    sv: 'behörighetslista',
    en: 'authorization list',
    forms: ['behörighetslistan', 'behörighetslistor'],
    avoid: ['auktoriseringslista', 'behörighetsförteckning'],
    note: 'The people who may speak for one or more sites, each with a level and a password.',
  },
  {
    sv: 'behörighet A/B/C',
    en: 'authority level A/B/C',
    forms: ['A-behörig', 'B-behörig', 'C-behörig', 'behörighet'],
    avoid: ['auktoritetsnivå', 'behörighetsnivå'],
    note: 'Decides which requests a caller may make (docs/domain.md section 3).',
  },
  {
    sv: 'serviceläge',
    en: 'service mode',
    forms: ['serviceläget', 'servicelägen'],
    avoid: ['underhållsläge', 'servicemod'],
    note: 'A transmitter switched off for a short while by an operator after a phone call.',
  },
  {
    sv: 'spärr',
    en: 'block window',
    forms: ['spärren', 'spärrar', 'spärrad'],
    avoid: ['blockering', 'blockeringsfönster'],
    note: 'A transmitter switched off for a longer, planned period on a written request.',
  },
  {
    sv: 'klarrapport',
    en: 'confirmation (all-clear report)',
    forms: ['klarrapporten', 'klarrapporter'],
    avoid: ['bekräftelserapport', 'kvittensrapport'],
    note: 'Sent once a requested change has been made.',
  },
  {
    sv: 'larmsändare',
    en: 'transmitter',
    forms: ['larmsändaren', 'larmsändarnummer'],
    avoid: ['transmitter', 'sändare', 'sändaren'],
    note: "The device in the building that sends alarms; its number is the DC-09 account. Always the full word 'larmsändare'.",
  },
  {
    sv: 'jour',
    en: 'on-call',
    forms: ['jouren', 'jourlista', 'jourhavande'],
    avoid: ['beredskap', 'beredskapen'],
    note: 'The person on duty this week in an on-call roster (jourlista).',
  },
  {
    sv: 'avtalsansvarig',
    en: 'contract manager',
    forms: ['avtalsansvarige'],
    avoid: ['kontraktsansvarig', 'avtalsförvaltare'],
    note: 'Whom the centre talks to about a contract.',
  },
  {
    sv: 'avtal',
    en: 'contract',
    forms: ['avtalet', 'avtalsnummer'],
    avoid: ['kontrakt', 'kontraktet'],
    note: 'A customer has contracts; alarm events are counted per contract and year.',
  },
  {
    sv: 'objekt',
    en: 'site',
    forms: ['objektet', 'objektsnamn'],
    avoid: ['sajt', 'site'],
    note: 'The protected building or premises.',
  },
  {
    sv: 'larmkontakt',
    en: 'alarm contact',
    forms: ['larmkontakten', 'larmkontakter', 'kontaktperson'],
    avoid: ['alarmkontakt'],
    note: 'Someone the operator calls when the site has an alarm.',
  },
  {
    sv: 'serviceföretag',
    en: 'service company',
    forms: ['serviceföretaget', 'installatör', 'installatörer'],
    avoid: ['servicebolag'],
    note: 'The company whose installers work on a site; approvals have expiry dates.',
  },
  {
    sv: 'arbetsledare',
    en: 'supervisor',
    forms: ['arbetsledaren', 'arbetsledare'],
    avoid: ['supervisor', 'handledare'],
    note: 'Watches the queue and the operators.',
  },
  {
    sv: 'operatör',
    en: 'operator',
    forms: ['operatören', 'operatörer'],
    avoid: ['operator'],
    note: 'Works cases at the desk.',
  },
];
