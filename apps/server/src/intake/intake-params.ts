import { Roles } from '../common/auth/auth.decorators.js';

// The list queries are the shared contract's (the OpenAPI document describes the same objects).
export {
  CALL_LIST_MAX,
  CallListQuerySchema,
  MessageListQuerySchema,
  StatusQuerySchema,
  VerificationListQuerySchema,
  type CallListQuery,
  type MessageListQuery,
  type VerificationListQuery,
} from '@arc/shared/intake';

/** Whoever is on duty answers the phone. */
export const OnDuty = () => Roles('operator', 'supervisor', 'admin');
export const Supervising = () => Roles('supervisor', 'admin');
