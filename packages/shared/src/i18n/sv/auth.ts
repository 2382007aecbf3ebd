import type { Shape } from '../shape.js';
import type { auth as en } from '../en/auth.js';

export const auth: Shape<typeof en> = {
  login: {
    username: 'Användarnamn',
    password: 'Lösenord',
    enterUsername: 'Ange ditt användarnamn.',
    enterPassword: 'Ange ditt lösenord.',
    codePrompt: 'Du loggar in som {username}. Ange den sexsiffriga engångskoden från din autentiseringsapp.',
    code: 'Engångskod',
    codeFormat: 'måste vara 6 siffror',
    signingIn: 'Loggar in…',
    confirmCode: 'Bekräfta koden',
    signIn: 'Logga in',
  },
  enroll: {
    heading: 'Aktivera tvåfaktorsinloggning',
    intro:
      'Din roll kräver tvåfaktorsinloggning. Skanna koden med en autentiseringsapp (eller skriv in nyckeln) och ange sedan den sexsiffriga engångskod som appen visar. Därmed är du inloggad.',
    expired: 'Aktiveringen tog för lång tid. Logga in igen för att börja om.',
    cancel: 'Avbryt och logga in som någon annan',
    formLabel: 'Bekräfta tvåfaktorsinloggningen',
    asking: 'Hämtar en ny nyckel från servern…',
    codeLabel: 'Engångskod från appen',
    codeHint: '6 siffror; en ny var 30:e sekund',
    checking: 'Kontrollerar…',
  },
  qr: {
    alt: 'QR-kod att skanna med en autentiseringsapp',
    failed: 'QR-koden kunde inte ritas; skriv in nyckeln nedan.',
    drawing: 'Ritar QR-koden…',
    typeKey: 'Eller skriv in den här nyckeln i appen (tidsbaserad, 6 siffror):',
    showUri: 'Visa hela inställningsadressen',
  },
  account: {
    heading: 'Mitt konto',
    loadFailed: 'Kunde inte hämta ditt konto: {reason}',
    lastSignIn: ', senast inloggad {when}',
    changePassword: 'Byt lösenord',
    secondFactor: 'Tvåfaktorsinloggning',
    totpOn:
      'Tvåfaktorsinloggning är aktiverad: du loggar in med en engångskod från din autentiseringsapp. Behöver du byta (till exempel efter en borttappad telefon) ber du en administratör att återställa den.',
    totpRequired: 'Din roll kräver tvåfaktorsinloggning. Aktivera den nu.',
    totpOptional:
      'Ingen tvåfaktorsinloggning. Med den räcker det inte med ett stulet lösenord för att komma in på ditt konto.',
    setUp: 'Aktivera tvåfaktorsinloggning',
  },
  password: {
    current: 'Nuvarande lösenord',
    new: 'Nytt lösenord',
    newHint: 'Minst 12 tecken, utan ditt användarnamn och inte ett vanligt lösenord',
    repeat: 'Upprepa det nya lösenordet',
    mismatch: 'stämmer inte med det nya lösenordet',
    notCurrent: 'är inte ditt nuvarande lösenord',
    done: 'Lösenordet är bytt. Dina andra inloggningar har loggats ut.',
    change: 'Byt lösenord',
  },
  menu: {
    title: '{name} ({role})',
    account: 'Mitt konto',
    logout: 'Logga ut',
  },
};
