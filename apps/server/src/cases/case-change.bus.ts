import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { CaseSummary } from '@arc/shared';
import { Subject, type Observable } from 'rxjs';

/**
 * Domain events of cases. Services publish here; only the realtime module turns them
 * into socket messages.
 */
@Injectable()
export class CaseChangeBus implements OnModuleDestroy {
  private readonly changes = new Subject<CaseSummary>();

  get changes$(): Observable<CaseSummary> {
    return this.changes.asObservable();
  }

  publish(summary: CaseSummary): void {
    this.changes.next(summary);
  }

  onModuleDestroy(): void {
    this.changes.complete();
  }
}
