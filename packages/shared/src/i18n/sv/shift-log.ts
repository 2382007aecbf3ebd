import type { Shape } from '../shape.js';
import type { shiftLog as en } from '../en/shift-log.js';

export const shiftLog: Shape<typeof en> = {
  title: 'Skiftlogg',
  loading: 'Laddar skiftloggen…',
  empty: 'Inga anteckningar ännu.',
  newer: 'Nyare',
  older: 'Äldre',
  pageOf: 'Sida {page} av {pages}',
  form: 'Skriv en anteckning i skiftloggen',
  noteLabel: 'Anteckning till nästa skift',
  important: 'Viktig',
  add: 'Lägg till anteckning',
  importantTag: 'VIKTIG',
  markRead: 'Markera som läst',
  readBy: 'Läst av:',
  nobodyYet: 'ingen ännu',
  readerAt: '{name} ({at})',
  notReadBy: '· Inte läst av: {names}',
  unreadCount: '{count, plural, one {# oläst} other {# olästa}}',
  dialogTitle: 'Skiftlogg: {count, plural, one {# anteckning} other {# anteckningar}} som du inte har läst',
  markFailed: 'Anteckningarna kunde inte markeras som lästa; försök igen',
  marking: 'Markerar…',
  later: 'Senare',
};
