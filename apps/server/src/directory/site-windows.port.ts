import type { BlockWindow, ServiceMode } from '@arc/shared/rules';
import type { Db } from '../database/sql-kit.js';

/**
 * What the site page needs from the rules module: the site's service modes and block windows,
 * read inside the page's snapshot. The directory sits below rules (rules → cases → directory), so
 * it cannot import them; it asks for this port and `rules/windows/site-windows.module.ts` fills it.
 */
export interface SiteWindowsReader {
  serviceModesOfSite(db: Db, siteId: string): Promise<ServiceMode[]>;
  blockWindowsOfSite(db: Db, siteId: string): Promise<BlockWindow[]>;
}

/** The injection token of the `SiteWindowsReader`. */
export const SITE_WINDOWS = Symbol('SITE_WINDOWS');
