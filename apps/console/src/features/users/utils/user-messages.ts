import type { Role } from '@arc/shared/auth';
import { ApiRequestError } from '../../../lib/api';
import { i18n } from '../../../lib/i18n/i18n';
import { apiErrorMessage } from '../../../utils/error-text';
import { describeRequestError, type FieldErrors } from '../../../utils/form-errors';
import { formatDateTimeShort } from '../../../utils/time';

/**
 * A refused user-management request in words, in the language in force: the reason a person can
 * act on, never a code. Field issues (password policy, username) go next to their fields.
 */
export function describeUserError(error: unknown): { message: string | null; fields: FieldErrors } {
  if (!(error instanceof ApiRequestError)) return describeRequestError(error);
  const fields = describeRequestError(error).fields;
  switch (error.body?.code ?? '') {
    case 'LAST_ADMIN':
      return { message: i18n.t('errors:users.lastAdmin'), fields };
    case 'SELF_DEACTIVATION':
      return { message: i18n.t('errors:users.selfDeactivation'), fields };
    case 'CONFLICT':
      return { message: null, fields: { ...fields, username: i18n.t('errors:users.usernameTaken') } };
    case 'NOT_FOUND':
      return { message: i18n.t('errors:users.notFound'), fields };
    case 'FORBIDDEN_ROLE':
      return { message: i18n.t('errors:users.forbidden'), fields };
    case 'TOKEN_INVALID':
      return { message: i18n.t('errors:users.sessionEnded'), fields };
    case 'STORAGE_UNAVAILABLE':
      return { message: i18n.t('errors:users.storage'), fields };
    case 'VALIDATION': {
      if (Object.keys(fields).length > 0) return { message: null, fields };
      const message = error.body ? apiErrorMessage(error.status, error.body, error.message) : error.message;
      return { message: i18n.t('errors:users.checkForm', { message }), fields };
    }
    default:
      if (error.status === 0) return { message: i18n.t('errors:users.unreachable'), fields };
      return describeRequestError(error);
  }
}

export function roleLabel(role: Role): string {
  switch (role) {
    case 'operator':
      return i18n.t('common:role.operator');
    case 'supervisor':
      return i18n.t('common:role.supervisor');
    case 'admin':
      return i18n.t('common:role.admin');
    default: {
      const unexpected: never = role;
      return String(unexpected);
    }
  }
}

/** YYYY-MM-DD hh:mm in the centre's zone; null is "never". */
export function formatDateTime(iso: string | null): string {
  return iso === null ? i18n.t('errors:users.never') : formatDateTimeShort(iso);
}
