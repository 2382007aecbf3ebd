// The directory's public API: what other modules may use. Only re-exports (files inside
// directory/ import each other directly, never this file).

export { DirectoryModule } from './directory.module.js';

// Read queries over the directory's tables. They take the caller's Db (a transaction's
// EntityManager or the DataSource), so a caller's snapshot read (the case screen) includes them.
export { plansOfSite } from './action-plans-db.js';
export { installerCompanyOf, passwordHashOfPerson } from './authorization-db.js';
export { contactsOfSite, rostersByIds } from './contacts-db.js';
export { caseSiteKnowledge, zonesOfSiteByAccount } from './site-knowledge-db.js';
export { findSite, siteNameAndArchive } from './sites-db.js';
export { inputCategoriesOfSite, inputCategoryOfTransmitter, transmittersOfSite } from './transmitters-db.js';

// The port the rules module fills so the site page can show the site's windows.
export { SITE_WINDOWS } from './site-windows.port.js';
export type { SiteWindowsReader } from './site-windows.port.js';

export { DIRECTORY_ROUTES, SITE_KNOWLEDGE_ROUTES } from './directory.openapi.js';
