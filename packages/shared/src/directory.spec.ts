import { describe, expect, it } from 'vitest';
import {
  ActionStepInputSchema,
  ContactInputSchema,
  Dc09KeySchema,
  dc09KeyHex,
  OrgNoSchema,
  PersonInputSchema,
  PhoneSchema,
  PostcodeSchema,
  TransmitterInputSchema,
  onCallNow,
} from './directory.js';

describe('directory field rules', () => {
  it('normalises postcodes and phone numbers and refuses bad ones', () => {
    expect(PostcodeSchema.parse('72215')).toBe('722 15');
    expect(PostcodeSchema.safeParse('7221').success).toBe(false);
    expect(PhoneSchema.parse('070-123 45 67')).toBe('+46701234567');
    expect(PhoneSchema.parse('+46 21 10 20 30')).toBe('+4621102030');
    expect(PhoneSchema.safeParse('12').success).toBe(false);
    expect(PhoneSchema.safeParse('not a phone').success).toBe(false);
  });

  it('checks the organisation number check digit', () => {
    expect(OrgNoSchema.parse('5560360793')).toBe('556036-0793');
    expect(OrgNoSchema.safeParse('556036-0794').success).toBe(false);
  });

  it('accepts DC-09 keys of the three AES lengths in the format given', () => {
    const ok = (format: 'hex' | 'text', value: string) => Dc09KeySchema.safeParse({ format, value }).success;
    for (const value of ['A'.repeat(16), 'A'.repeat(24), 'z'.repeat(32), '0123456789ABCDEF0123456789ABCDEF'])
      expect(ok('text', value)).toBe(true);
    for (const value of ['0f'.repeat(16), '0f'.repeat(24), '0f'.repeat(32)]) expect(ok('hex', value)).toBe(true);
    for (const value of ['', 'A'.repeat(15), 'A'.repeat(20), 'é'.repeat(16)]) expect(ok('text', value)).toBe(false);
    for (const value of ['', '0f'.repeat(20), 'A'.repeat(31), 'z'.repeat(32)]) expect(ok('hex', value)).toBe(false);
  });

  it('names the problem of a DC-09 key in its message', () => {
    const issues = (input: unknown) => {
      const result = Dc09KeySchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues({ format: 'hex', value: 'G'.repeat(32) })).toEqual([
      'value: must be hex digits only (0-9, A-F) for format hex',
    ]);
    expect(issues({ format: 'hex', value: 'AB'.repeat(10) })).toEqual([
      'value: must be 32, 48 or 64 hex digits for format hex (AES-128/192/256), not 20',
    ]);
    expect(issues({ format: 'text', value: 'short' })).toEqual([
      'value: must be 16, 24 or 32 characters for format text (AES-128/192/256), not 5',
    ]);
    expect(issues({ format: 'base64', value: 'x' })[0]).toMatch(/^format: must be 'hex' or 'text'/);
    // A bare string is ambiguous: it is refused, with what to send instead.
    expect(issues('0123456789ABCDEF0123456789ABCDEF')).toEqual([
      ": must be an object { format: 'hex' | 'text', value }",
    ]);
  });

  it('turns a key into the hex of its bytes, so that a 32-character text key of hex digits stays AES-256', () => {
    expect(dc09KeyHex({ format: 'hex', value: '0f'.repeat(16) })).toBe('0F'.repeat(16));
    expect(dc09KeyHex({ format: 'text', value: 'AAAAAAAAAAAAAAAA' })).toBe('41'.repeat(16));
    const text = dc09KeyHex({ format: 'text', value: '0123456789ABCDEF0123456789ABCDEF' });
    expect(text).toHaveLength(64);
    expect(text.slice(0, 4)).toBe('3031');
  });

  it('refuses requireEncryption with the key removed', () => {
    const base = { account: '1234', siteId: '7b0e6c52-7d3f-4c1e-9a55-3f1f2a9a0c11' };
    const result = TransmitterInputSchema.safeParse({ ...base, requireEncryption: true, encryptionKey: null });
    expect(!result.success && result.error.issues.map((i) => i.path.join('.'))).toEqual(['requireEncryption']);
    expect(TransmitterInputSchema.parse({ ...base }).requireEncryption).toBeUndefined();
    expect(TransmitterInputSchema.safeParse({ ...base, requireEncryption: 'yes' }).success).toBe(false);
  });

  it('requires a level and a sane validity period for a person', () => {
    const person = { listId: '7b0e6c52-7d3f-4c1e-9a55-3f1f2a9a0c11', name: 'Anna', phone: '0701234567' };
    expect(PersonInputSchema.safeParse(person).success).toBe(false);
    expect(PersonInputSchema.safeParse({ ...person, level: 'D' }).success).toBe(false);
    expect(PersonInputSchema.parse({ ...person, level: 'A' }).level).toBe('A');
    const reversed = PersonInputSchema.safeParse({
      ...person,
      level: 'B',
      validFrom: '2026-02-01',
      validTo: '2026-01-01',
    });
    expect(reversed.success).toBe(false);
    expect(!reversed.success && reversed.error.issues[0]!.path).toEqual(['validTo']);
  });

  it('validates contact routes by kind and step references by type', () => {
    expect(
      ContactInputSchema.parse({ name: 'Vakt', routes: [{ kind: 'SMS', value: '0701234567' }] }).routes[0]!.value,
    ).toBe('+46701234567');
    expect(ContactInputSchema.safeParse({ name: 'Vakt', routes: [{ kind: 'EMAIL', value: 'nope' }] }).success).toBe(
      false,
    );
    expect(ContactInputSchema.safeParse({ name: 'Vakt', routes: [] }).success).toBe(false);
    expect(ActionStepInputSchema.safeParse({ type: 'CALL_CONTACT' }).success).toBe(false);
    expect(ActionStepInputSchema.safeParse({ type: 'INSTRUCTION', instruction: 'Check the camera' }).success).toBe(
      true,
    );
  });
});

describe('onCallNow', () => {
  const roster = {
    rotationStart: '2026-11-02',
    members: [
      { name: 'Week 1', phone: '+46701111111' },
      { name: 'Week 2', phone: '+46702222222' },
      { name: 'Week 3', phone: '+46703333333' },
    ],
    swaps: [],
  };
  it('rotates weekly from the start and wraps around (in UTC; other zones: on-call-weeks.spec.ts)', () => {
    expect(onCallNow(roster, new Date('2026-11-02T00:00:00Z'), 'UTC')?.name).toBe('Week 1');
    expect(onCallNow(roster, new Date('2026-11-08T23:59:59Z'), 'UTC')?.name).toBe('Week 1');
    expect(onCallNow(roster, new Date('2026-11-09T00:00:00Z'), 'UTC')?.name).toBe('Week 2');
    expect(onCallNow(roster, new Date('2026-11-23T12:00:00Z'), 'UTC')?.name).toBe('Week 1');
    expect(onCallNow(roster, new Date('2026-11-01T12:00:00Z'), 'UTC')).toBeNull();
    expect(onCallNow({ ...roster, members: [] }, new Date(), 'UTC')).toBeNull();
  });
});
