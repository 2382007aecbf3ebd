import type { Shape } from '../shape.js';
import type { common as en } from '../en/common.js';

export const common: Shape<typeof en> = {
  appName: 'Larmcentralens operatörskonsol',
  language: {
    label: 'Språk',
    sv: 'Svenska',
    en: 'English',
    saveFailed: 'Språket kunde inte sparas på servern; det gäller bara i den här webbläsaren',
  },
  action: {
    save: 'Spara',
    saving: 'Sparar…',
    cancel: 'Avbryt',
    close: 'Stäng',
    delete: 'Ta bort',
    edit: 'Ändra',
    add: 'Lägg till',
    remove: 'Ta bort',
    retry: 'Försök igen',
    search: 'Sök',
    back: 'Tillbaka',
    confirm: 'Bekräfta',
  },
  state: {
    loading: 'Laddar…',
    none: 'Ingen',
    yes: 'Ja',
    no: 'Nej',
  },
  category: {
    FIRE: 'Brand',
    HOLDUP: 'Överfall',
    INTRUSION: 'Inbrott',
    TECHNICAL: 'Teknisk',
    SERVICE: 'Service',
  },
  result: {
    REAL_ALARM: 'Skarpt larm',
    FALSE_ALARM_USER_ERROR: 'Felaktigt larm (handhavandefel)',
    TECHNICAL_FAULT: 'Tekniskt fel',
    TEST: 'Provlarm',
    CANCELLED_BY_CALLER: 'Återkallat av uppringaren',
    UNKNOWN: 'Okänt',
  },
  stepType: {
    CALL_CONTACT: 'Ring kontaktperson',
    CALL_ON_CALL: 'Ring jour',
    DISPATCH_GUARD: 'Skicka väktare',
    ALERT_RESCUE_SERVICE: 'Larma räddningstjänsten',
    ALERT_POLICE: 'Larma polisen',
    INSTRUCTION: 'Instruktion',
  },
  role: {
    operator: 'Operatör',
    supervisor: 'Arbetsledare',
    admin: 'Administratör',
  },
  count: {
    alarms: '{count, plural, one {# larm} other {# larm}}',
    cases: '{count, plural, one {# ärende} other {# ärenden}}',
  },
};
