import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CASE_TITLE_KEYS, type CaseTitleKey, type CaseTitleParams } from '@arc/shared/case-title';
import { EN_MESSAGES } from '@arc/shared/i18n';
import { SIGNAL_REASON_INSTANTS, SIGNAL_REASON_KEYS, type SignalReasonKey } from '@arc/shared/signal-reason';

interface MessageFormat {
  format(values: Record<string, unknown>): unknown;
}
type MessageFormatClass = new (message: string, locale: string) => MessageFormat;

/**
 * intl-messageformat, the ICU formatter behind the console's i18next. The server does not depend
 * on it; @arc/shared's tests do, so it is loaded from there.
 */
const ENTRY = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../packages/shared/node_modules/intl-messageformat/index.js',
);
let loaded: Promise<MessageFormatClass> | null = null;

function messageFormat(): Promise<MessageFormatClass> {
  loaded ??= import(pathToFileURL(ENTRY).href).then(
    (module: { IntlMessageFormat: MessageFormatClass }) => module.IntlMessageFormat,
  );
  return loaded;
}

/** A case title as the console's English catalogue says it, from the key and params the server stored. */
export async function englishCaseTitle(key: string | null, params: CaseTitleParams | null): Promise<string> {
  if (key === null || params === null) throw new Error('the case has no title key');
  if (!(CASE_TITLE_KEYS as readonly string[]).includes(key)) throw new Error(`not a caseTitles key: ${key}`);
  const Format = await messageFormat();
  return String(new Format(EN_MESSAGES.caseTitles[key as CaseTitleKey], 'en-GB').format(params));
}

/**
 * A signal's decision reason as the console's English catalogue says it, from the full key and
 * params the server stored (@arc/shared/signal-reason), with instants written as `clock` writes them.
 */
export async function englishSignalReason(
  key: string | null,
  params: CaseTitleParams | null,
  clock: (at: Date) => string,
): Promise<string> {
  if (key === null || params === null) throw new Error('the signal has no reason key');
  const [ns, name] = key.split(':') as [string, string];
  if (ns === 'caseTitles') {
    const title = await englishCaseTitle(name, params);
    if (params.runaway !== true) return title;
    const Format = await messageFormat();
    return String(new Format(EN_MESSAGES.caseTitles.part.runawaySignal, 'en-GB').format({ title }));
  }
  if (ns !== 'signalReasons' || !(SIGNAL_REASON_KEYS as readonly string[]).includes(name)) {
    throw new Error(`not a reason key: ${key}`);
  }
  const Format = await messageFormat();
  const values: Record<string, unknown> = { ...params };
  for (const instant of SIGNAL_REASON_INSTANTS) {
    if (typeof values[instant] === 'string') values[instant] = clock(new Date(values[instant]));
  }
  return String(new Format(EN_MESSAGES.signalReasons[name as SignalReasonKey], 'en-GB').format(values));
}
