import { type CentreSettings, CentreSettingsSchema } from '@arc/shared/settings';
import { apiRequest } from '../../../lib/api';

/** GET /settings: the centre's time zone and the limits the server enforces. */
export function fetchSettings(signal?: AbortSignal): Promise<CentreSettings> {
  return apiRequest<CentreSettings>('/settings', { signal, schema: CentreSettingsSchema });
}
