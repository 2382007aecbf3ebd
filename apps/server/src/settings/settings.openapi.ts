import { CentreSettingsSchema } from '@arc/shared/settings';
import { READ, type Route } from '../common/http/openapi-route.js';

/** GET /settings, for the OpenAPI document. */
export const SETTINGS_ROUTES: Route[] = [
  {
    method: 'get',
    path: '/settings',
    tag: 'settings',
    summary:
      "The centre's time zone and the limits the server enforces (service mode, caller verification, passwords, shift log), for the console's forms",
    roles: READ,
    response: CentreSettingsSchema,
  },
];
