import { DirectorySearchHitSchema } from '@arc/shared/directory';
import { DirectoryImportQuerySchema, DirectorySearchQuerySchema } from '@arc/shared/directory-transfer';
import { z } from 'zod';
import { ADMIN, READ, type Route } from '../common/http/openapi-route.js';

/** Search, import and export of the directory (directory-tools/), for the OpenAPI document. */
export const DIRECTORY_TOOLS_ROUTES: Route[] = [
  {
    method: 'get',
    path: '/directory/search',
    tag: 'directory-tools',
    summary: 'Typo-tolerant search across sites, accounts, customers, contracts and persons',
    roles: READ,
    query: DirectorySearchQuerySchema,
    response: z.array(DirectorySearchHitSchema),
  },
  {
    method: 'get',
    path: '/directory/export',
    tag: 'directory-tools',
    summary: 'Export the directory as JSON',
    roles: ADMIN,
    response: z.object({}).loose(),
  },
  {
    method: 'post',
    path: '/directory/import',
    tag: 'directory-tools',
    summary: 'Import a directory export: 201 written, 200 a clean dry run, 422 rejected with a report',
    roles: ADMIN,
    query: DirectoryImportQuerySchema,
    body: z.object({}).loose(),
    response: z.object({}).loose(),
    status: 201,
    otherBodies: {
      200: { description: 'A clean dry run: the report, nothing written', schema: z.object({}).loose() },
      422: {
        description: 'Rejected: the report names section, row and field; nothing written',
        schema: z.object({}).loose(),
      },
    },
  },
];
