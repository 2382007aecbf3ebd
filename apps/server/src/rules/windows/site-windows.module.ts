import { Global, Module } from '@nestjs/common';
import { SITE_WINDOWS, type SiteWindowsReader } from '../../directory/index.js';
import { blockWindowsOfSite, serviceModesOfSite } from './windows-db.js';

const reader: SiteWindowsReader = { serviceModesOfSite, blockWindowsOfSite };

/**
 * Fills the directory's `SITE_WINDOWS` port with the windows' read models, so the site page shows
 * a window exactly as the window routes do. Global because the directory cannot import this
 * module (it sits below rules); the app imports it once through `WindowsModule`.
 */
@Global()
@Module({
  providers: [{ provide: SITE_WINDOWS, useValue: reader }],
  exports: [SITE_WINDOWS],
})
export class SiteWindowsModule {}
