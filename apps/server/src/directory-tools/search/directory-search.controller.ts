import { Controller, Get, Query } from '@nestjs/common';
import { type DirectorySearchHit } from '@arc/shared/directory';
import { DirectorySearchQuerySchema, type DirectorySearchQuery } from '@arc/shared/directory-transfer';
import { DirectorySearchService } from './directory-search.service.js';

/** Any signed-in role: operators find the site of a caller or a transmitter here. */
@Controller('directory')
export class DirectorySearchController {
  constructor(private readonly searchService: DirectorySearchService) {}

  @Get('search')
  search(@Query({ schema: DirectorySearchQuerySchema }) query: DirectorySearchQuery): Promise<DirectorySearchHit[]> {
    return this.searchService.search(query);
  }
}
