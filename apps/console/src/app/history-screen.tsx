import type { Role } from '@arc/shared/auth';
import { ReadOnlyCase } from '../features/case/components/read-only-case';
import { useReadOnlyCaseStore } from '../features/case/store/read-only-case-store';
import { HistorySearch } from '../features/history/components/history-search';

export interface HistoryScreenProps {
  role: Role | undefined;
  userId: string | null;
  /** The case number of the case the operator is working, for "Back to case …". */
  workingCaseNo: string | null;
}

/** The "History" view: the closed-case search, or a case opened read-only from it or from a case. */
export function HistoryScreen({ role, userId, workingCaseNo }: HistoryScreenProps) {
  const readOnlyOpen = useReadOnlyCaseStore((s) => s.caseId !== null);
  return readOnlyOpen ? (
    <ReadOnlyCase workingCaseNo={workingCaseNo} />
  ) : (
    <HistorySearch role={role} userId={userId} onOpenCase={openFromHistory} />
  );
}

function openFromHistory(caseId: string): void {
  void useReadOnlyCaseStore.getState().open(caseId, 'history');
}
