/**
 * Validation text in words: a schema's raw message ("Too big: expected number to be <=10080",
 * "durationMinutes: must be at most 720 minutes", "is required for INSTRUCTION") becomes a
 * sentence naming the field by its label ("Duration must be at most 10080", "Instruction text
 * is required for an instruction step"). Messages that already are sentences pass unchanged.
 */

/** Labels of the fields the forms have, by the last part of their path. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  durationMinutes: 'Duration',
  instruction: 'Instruction text',
  reason: 'Reason',
  requestedByPersonId: 'Who asked',
  transmitterId: 'Transmitter',
  category: 'Category',
  startsAt: 'Start',
  endsAt: 'End',
  requestDate: 'Request date',
  reference: 'Reference',
  text: 'Text',
  note: 'Note',
  name: 'Name',
  phone: 'Phone',
  email: 'E-mail',
  password: 'Password',
  newPassword: 'New password',
  currentPassword: 'Current password',
  username: 'Username',
  displayName: 'Display name',
  account: 'Account',
  street: 'Street',
  postcode: 'Postcode',
  city: 'City',
  municipality: 'Municipality',
  contactId: 'Contact',
  type: 'Step type',
  steps: 'Steps',
  level: 'Level',
  validFrom: 'Valid from',
  validTo: 'Valid to',
  sentTo: 'Sent to',
  supervisionIntervalSeconds: 'Supervision interval',
};

/** Raw messages with a fixed wording. */
const KNOWN: Readonly<Record<string, string>> = {
  'is required for INSTRUCTION': 'is required for an instruction step',
  'Invalid UUID': 'must be chosen',
  'must be an id': 'must be chosen',
};

/** "requestedByPersonId" → "Requested by person id" when no label is known. */
function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label of a field path ("steps.0.instruction" → "Instruction text"); '' for none. */
export function fieldLabel(path: string): string {
  const parts = path.split('.').filter((part) => part !== '' && !/^\d+$/.test(part));
  const key = parts[parts.length - 1];
  if (!key) return '';
  return FIELD_LABELS[key] ?? humanise(key);
}

/** zod's default wording as a phrase that follows a field label; null for the schemas' own wording. */
function phrase(message: string): string | null {
  const known = KNOWN[message];
  if (known) return known;
  let m = /^Too big: expected number to be <=?\s*(-?[\d.]+)$/.exec(message);
  if (m) return `must be at most ${m[1]}`;
  m = /^Too small: expected number to be >=?\s*(-?[\d.]+)$/.exec(message);
  if (m) return `must be at least ${m[1]}`;
  m = /^Too big: expected string to have <=?\s*(\d+) characters?$/.exec(message);
  if (m) return `must be at most ${m[1]} characters`;
  m = /^Too small: expected string to have >=?\s*(\d+) characters?$/.exec(message);
  if (m) return m[1] === '1' ? 'is required' : `must be at least ${m[1]} characters`;
  m = /^Too (big|small): expected array to have ([<>]=?)\s*(\d+) items?$/.exec(message);
  if (m) return m[1] === 'big' ? `must have at most ${m[3]}` : `must have at least ${m[3]}`;
  if (/^Invalid input: expected (string|number|boolean|object|array), received (undefined|null)$/.test(message))
    return 'is required';
  if (/^Invalid input: expected number, received (NaN|string)$/.test(message)) return 'must be a number';
  if (/^Invalid input: expected int, received number$/.test(message)) return 'must be a whole number';
  if (/^Invalid input: expected/.test(message)) return 'is not valid';
  if (/^Invalid option: expected one of/.test(message)) return 'must be one of the choices offered';
  if (/^Invalid (ISO )?(datetime|date)/i.test(message)) return 'must be a date and time';
  if (/^Invalid (string: )?(email|e-mail)/i.test(message)) return 'must be an e-mail address';
  if (/^Unrecognized key/.test(message)) return 'is not a field of this form';
  if (/^Invalid /.test(message)) return 'is not valid';
  return null;
}

/** True for a message that is already a sentence of its own (starts with a capital letter). */
function isSentence(message: string): boolean {
  return /^[A-ZÅÄÖ]/.test(message);
}

/** "Duration must be at most 10080"; the label alone when the path names none. */
function withLabel(path: string, words: string): string {
  if (isSentence(words)) return words;
  const label = fieldLabel(path);
  return label ? `${label} ${words}` : words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A field's message, shown beside the field: zod's own wording ("Too big: expected number to be
 * <=10080") becomes a sentence with the field's label ("Duration must be at most 10080"); the
 * schemas' own short messages ("is required", "must be a Swedish postcode like 722 15") read
 * well beside their field and are kept.
 */
export function fieldMessage(path: string, message: string): string {
  const words = phrase(message);
  return words === null ? message : withLabel(path, words);
}

/** The step a path points into, "Step 2: " for "steps.1.instruction", else ''. */
function stepPrefix(path: string): string {
  const m = /(?:^|\.)steps\.(\d+)\./.exec(path);
  return m ? `Step ${Number(m[1]) + 1}: ` : '';
}

/**
 * A server message in words. Validation messages come as "path: message; path: message"; each
 * part becomes a sentence with the field's label. Other messages pass unchanged.
 */
export function serverMessageInWords(message: string): string {
  return message
    .split('; ')
    .map((part) => {
      const m = /^([a-z]\w*(?:\.\w+)*): (.+)$/s.exec(part);
      if (!m) return part;
      const [, path, text] = m as unknown as [string, string, string];
      return `${stepPrefix(path)}${withLabel(path, phrase(text) ?? text)}`;
    })
    .join('; ');
}
