import 'i18next';
import type { Messages } from '@arc/shared/i18n';

// Keys are checked by the compiler: t('case:take') compiles only when the English catalogue has it
// (and the Swedish one must have every English key, see Shape in @arc/shared/i18n).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Messages;
  }
}
