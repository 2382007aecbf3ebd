import { Module } from '@nestjs/common';

/** Customers, contracts, sites, transmitters, authorization lists, action plans and contacts. */
@Module({})
export class DirectoryModule {}
