import { describe, expect, it } from 'vitest';
import { CreateUserInputSchema } from '@arc/shared/users';
import { ApiRequestError } from '../../../lib/api';
import { applyLocale } from '../../../lib/i18n/locale';
import { fieldMessages } from '../components/create-user-form';
import { describeUserError, formatDateTime, roleLabel } from './user-messages';

const refused = (code: string, message: string) =>
  new ApiRequestError(409, message, { statusCode: 409, error: 'Conflict', message, code });

describe('user-management messages', () => {
  it('word a refusal, the password policy and the labels in Swedish', () => {
    applyLocale('sv');
    const lastAdmin = describeUserError(refused('LAST_ADMIN', 'This is the last active administrator; …'));
    expect(lastAdmin.message).toMatch(/^Nekat: det här är den sista aktiva administratören/);
    expect(describeUserError(refused('CONFLICT', 'The username "olle" is taken')).fields).toEqual({
      username: 'är upptaget: välj ett annat användarnamn',
    });
    const user = CreateUserInputSchema.safeParse({
      username: 'nils',
      displayName: 'Nils',
      role: 'operator',
      password: 'nils123',
    });
    expect(fieldMessages(user.error!.issues).password).toBe(
      'måste vara minst 12 tecken; får inte innehålla användarnamnet',
    );
    expect(roleLabel('supervisor')).not.toBe('Supervisor');
    expect(formatDateTime(null)).toBe('aldrig');
  });

  it('keep the English wording', () => {
    const user = CreateUserInputSchema.safeParse({
      username: 'nils',
      displayName: 'Nils',
      role: 'operator',
      password: 'nils123',
    });
    expect(fieldMessages(user.error!.issues).password).toBe(
      'must be at least 12 characters; must not contain the username',
    );
    expect(roleLabel('admin')).toBe('Administrator');
    expect(formatDateTime(null)).toBe('never');
  });
});
