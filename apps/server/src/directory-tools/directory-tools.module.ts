import { Module } from '@nestjs/common';

/** Search across the directory, and its import and export as JSON. */
@Module({})
export class DirectoryToolsModule {}
