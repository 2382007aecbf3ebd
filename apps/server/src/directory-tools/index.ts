// The directory tools' public API: what other modules and the command-line tools may use. Only
// re-exports (files inside directory-tools/ import each other directly, never this file).

export { DirectoryToolsModule } from './directory-tools.module.js';

// The search, generator, import and export run on any `Sql` (a TypeORM EntityManager on the
// server, a pg.Client in the command-line tools: see `sqlOfPg`/`transactionOfPg` in the SQL kit).
export { generateDirectory, generatedAccountPrefix, markerCustomerNo } from './demo/generate-directory.js';
export { searchDirectory } from './search/search-directory.js';
export { exportDirectory } from './transfer/export-directory.js';
export { validateImport, type ValidationResult } from './transfer/validate-import.js';
export { writeImport, type WriteSecrets } from './transfer/write-import.js';
export { DIRECTORY_TOOLS_ROUTES } from './directory-tools.openapi.js';
