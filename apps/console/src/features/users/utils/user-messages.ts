import type { Role } from '@arc/shared/auth';
import { ApiRequestError } from '../../../lib/api';
import { describeRequestError, type FieldErrors } from '../../../utils/form-errors';
import { formatDateTimeShort } from '../../../utils/time';

/**
 * A refused user-management request in words: the reason a person can act on, never a code.
 * Field issues (password policy, username) go next to their fields.
 */
export function describeUserError(error: unknown): { message: string | null; fields: FieldErrors } {
  if (!(error instanceof ApiRequestError)) return describeRequestError(error);
  const fields = describeRequestError(error).fields;
  switch (error.body?.code ?? '') {
    case 'LAST_ADMIN':
      return {
        message:
          'Refused: this is the last active administrator. Make another user an administrator first, so someone can still manage users.',
        fields,
      };
    case 'SELF_DEACTIVATION':
      return { message: 'Refused: you cannot deactivate your own account. Ask another administrator.', fields };
    case 'CONFLICT':
      return { message: null, fields: { ...fields, username: 'is taken: choose another username' } };
    case 'NOT_FOUND':
      return { message: 'This user no longer exists. Reload the list.', fields };
    case 'FORBIDDEN_ROLE':
      return { message: 'Only administrators can manage users.', fields };
    case 'TOKEN_INVALID':
      return { message: 'Your session has ended. Sign in again.', fields };
    case 'STORAGE_UNAVAILABLE':
      return { message: 'The server cannot store changes right now. Try again in a moment.', fields };
    case 'VALIDATION':
      return { message: Object.keys(fields).length > 0 ? null : `Check the form: ${error.message}`, fields };
    default:
      if (error.status === 0) return { message: 'Cannot reach the server. Nothing was changed.', fields };
      return describeRequestError(error);
  }
}

export function roleLabel(role: Role): string {
  switch (role) {
    case 'operator':
      return 'Operator';
    case 'supervisor':
      return 'Supervisor';
    case 'admin':
      return 'Administrator';
    default: {
      const unexpected: never = role;
      return String(unexpected);
    }
  }
}

/** YYYY-MM-DD hh:mm in the centre's zone; null is "never". */
export function formatDateTime(iso: string | null): string {
  return iso === null ? 'never' : formatDateTimeShort(iso);
}
