import { Module } from '@nestjs/common';
import { DirectorySearchController } from './search/directory-search.controller.js';
import { DirectorySearchService } from './search/directory-search.service.js';
import { DirectoryTransferController } from './transfer/directory-transfer.controller.js';
import { DirectoryTransferService } from './transfer/directory-transfer.service.js';

/** Search across the directory, and its import and export as JSON. */
@Module({
  controllers: [DirectorySearchController, DirectoryTransferController],
  providers: [DirectorySearchService, DirectoryTransferService],
})
export class DirectoryToolsModule {}
