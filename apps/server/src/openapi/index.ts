export { OpenApiModule } from './openapi.module.js';
export { OpenApiController } from './openapi.controller.js';
export { ALL_ROUTES, openApiDocument } from './openapi-document.js';
export { ResponseContractInterceptor } from './response-contract.interceptor.js';
