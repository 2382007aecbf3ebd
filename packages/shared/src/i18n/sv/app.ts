import type { Shape } from '../shape.js';
import type { app as en } from '../en/app.js';

export const app: Shape<typeof en> = {
  shell: {
    title: 'ARC',
    loadingDirectory: 'Läser in registret…',
    loadingIntake: 'Läser in samtal…',
    loadingSupervisor: 'Läser in arbetsledarvyn…',
    resync: 'Synkronisera',
    resyncTitle: 'Hämta kön från servern igen',
  },
  nav: {
    label: 'Huvudmeny',
    queue: 'Kö',
    case: 'Ärende {caseNo}',
    intake: 'Samtal (F2)',
    history: 'Historik',
    supervisor: 'Arbetsledare',
    directory: 'Register',
    shiftLog: 'Skiftlogg',
    admin: 'Admin',
  },
  users: {
    refused: 'Bara administratörer kan hantera användare.',
    loading: 'Läser in användare…',
  },
  given: {
    label: 'Ärenden som tilldelats dig',
    urgent: 'Mer brådskande än ditt öppna ärende:',
    plain: 'Tilldelat dig:',
    at: 'på',
    unknownTransmitter: 'okänd larmsändare {account}',
    secondsLeft: '{seconds} s kvar att öppna det, sedan går det tillbaka till kön',
    open: 'Öppna',
    keep: 'Spara till senare',
    keepTitle: 'Behåll det bland dina ärenden utan att öppna det nu',
    ackFailed: 'Det gick inte att kvittera ärendet',
  },
  connection: {
    outdated: 'Konsolen är inaktuell och tar inte emot larm i realtid. Ladda om sidan (F5).',
    lost: 'Anslutningen bröts – ansluter igen…',
    idle: 'Frånkopplad',
    connecting: 'Ansluter…',
    connected: 'Ansluten',
    disconnected: 'Ansluter igen…',
    outdatedShort: 'Inaktuell: ladda om',
  },
  theme: {
    toDay: 'Byt till ljust tema',
    toDark: 'Byt till mörkt tema',
    toDayTitle: 'Byt till ljust tema (sparas i den här webbläsaren)',
    toDarkTitle: 'Byt till mörkt tema (sparas i den här webbläsaren)',
    day: 'Ljust tema',
    dark: 'Mörkt tema',
  },
};
