/**
 * Moved to openapi/ (OpenApiModule serves GET /openapi.json). Kept only so DirectoryModule,
 * which still lists it, compiles until the merge takes it out of its controllers.
 */
export { OpenApiController } from '../openapi/index.js';
