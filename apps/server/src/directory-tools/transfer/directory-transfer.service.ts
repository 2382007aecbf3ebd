import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DirectoryImportReport, DirectoryTransferDocument } from '@arc/shared/directory-transfer';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/index.js';
import { hashPassword } from '../../common/auth/password.js';
import { SecretBox } from '../../common/secret-box.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import type { Sql } from '../../database/sql-kit.js';
import { exportDirectory } from './export-directory.js';
import { validateImport, type ParsedDocument, type ParsedPerson } from './validate-import.js';
import { writeImport } from './write-import.js';

/** argon2id takes ~20 MiB and tens of ms per hash: a few at a time keeps memory and the thread pool sane. */
const HASH_CONCURRENCY = 4;

@Injectable()
export class DirectoryTransferService {
  private readonly box: SecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly audit: AuditService,
  ) {
    this.box = new SecretBox(config.secretsKey);
  }

  export(): Promise<DirectoryTransferDocument> {
    return this.dataSource.transaction('REPEATABLE READ', (manager) => exportDirectory(sqlOf(manager)));
  }

  /**
   * Validates everything first, then (unless a dry run) writes everything in one transaction
   * with one audit entry. The database checks run again inside that transaction, so a customer
   * number or account created meanwhile rejects the file instead of half-importing it.
   */
  async import(raw: unknown, dryRun: boolean, actorUserId: string): Promise<DirectoryImportReport> {
    const checked = await validateImport(raw, sqlOf(this.dataSource.manager));
    const report = (rejected = checked.rejected): DirectoryImportReport => ({
      valid: rejected.length === 0,
      dryRun,
      counts: checked.counts,
      rejected,
    });
    if (dryRun || !checked.document) return report();

    const passwordHashes = await hashPasswords(checked.document);
    return this.dataSource.transaction(async (manager) => {
      const sql = sqlOf(manager);
      // Serialises imports, so two files with the same new numbers cannot both pass the check.
      await sql(`SELECT pg_advisory_xact_lock(hashtext('arc:directory-import'))`);
      const again = await validateImport(raw, sql);
      if (!again.document) return report(again.rejected);
      await writeImport(sql, again.document, again.existing, {
        sealKey: (plain) => this.box.seal(plain),
        passwordHashes: remapHashes(checked.document!, again.document, passwordHashes),
      });
      await this.audit.record(manager, {
        actorUserId,
        action: 'IMPORT',
        entity: 'directory',
        entityId: null,
        after: { ...checked.counts },
      });
      return report();
    });
  }
}

function sqlOf(manager: EntityManager): Sql {
  return ((text: string, params?: unknown[]) => manager.query(text, params)) as Sql;
}

function personsOf(doc: ParsedDocument): ParsedPerson[] {
  return [...doc.authorizationLists.flatMap((l) => l.persons), ...doc.serviceCompanies.flatMap((c) => c.installers)];
}

async function hashPasswords(doc: ParsedDocument): Promise<Map<ParsedPerson, string>> {
  const todo = personsOf(doc).filter((p) => p.password);
  const hashes = new Map<ParsedPerson, string>();
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const person = todo[next++]!;
      hashes.set(person, await hashPassword(person.password!));
    }
  };
  await Promise.all(Array.from({ length: Math.min(HASH_CONCURRENCY, todo.length) }, worker));
  return hashes;
}

/** The second parse made new person objects: carry the hashes over by position. */
function remapHashes(
  first: ParsedDocument,
  second: ParsedDocument,
  hashes: Map<ParsedPerson, string>,
): Map<ParsedPerson, string> {
  const before = personsOf(first);
  const after = personsOf(second);
  const remapped = new Map<ParsedPerson, string>();
  before.forEach((person, i) => {
    const hash = hashes.get(person);
    if (hash !== undefined && after[i]) remapped.set(after[i], hash);
  });
  return remapped;
}
