import { OwnOperatorStateSchema, SetOperatorStateInputSchema, SupervisorSnapshotSchema } from '@arc/shared/supervisor';
import { READ, SUPERVISE, type Route } from '../common/http/openapi-route.js';

/** The supervisor view, operator states and metrics (supervision-metrics/), for the OpenAPI document. */
export const SUPERVISION_ROUTES: Route[] = [
  {
    method: 'get',
    path: '/supervisor/snapshot',
    tag: 'supervisor',
    summary:
      'The latest supervisor snapshot (also pushed as supervisor.snapshot.v1): queue per priority, accept-time compliance, history, operators, verifications, alerts',
    roles: SUPERVISE,
    response: SupervisorSnapshotSchema,
  },
  {
    method: 'get',
    path: '/operators/me/state',
    tag: 'supervisor',
    summary: 'The state the caller last set (null state when never set)',
    roles: READ,
    response: OwnOperatorStateSchema,
  },
  {
    method: 'post',
    path: '/operators/me/state',
    tag: 'supervisor',
    summary: 'Set yourself available, or away with a reason (on a case and on a call are derived)',
    roles: READ,
    body: SetOperatorStateInputSchema,
  },
  {
    method: 'get',
    path: '/metrics',
    tag: 'health',
    summary: 'Prometheus metrics (text format; keep it on the internal network)',
    roles: 'public',
  },
];
