import { Injectable } from '@nestjs/common';
import type { DirectorySearchHit } from '@arc/shared/directory';
import type { DirectorySearchQuery } from '@arc/shared/directory-transfer';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { InTransaction, Sql } from '../../database/sql-kit.js';
import { searchDirectory } from './search-directory.js';

@Injectable()
export class DirectorySearchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  search(query: DirectorySearchQuery): Promise<DirectorySearchHit[]> {
    const inTransaction: InTransaction = (work) =>
      this.dataSource.transaction((manager) => work(((text, params) => manager.query(text, params)) as Sql));
    return searchDirectory(inTransaction, query.q, query.limit);
  }
}
