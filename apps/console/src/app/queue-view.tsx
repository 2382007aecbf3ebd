import { QUEUE_SHORTCUTS, ShortcutHelp } from '../features/case/components/shortcut-help';
import { TakeNextButton } from '../features/case/components/take-next-button';
import { QueueTable } from '../features/queue/components/queue-table';

export interface QueueViewProps {
  stale: boolean;
  canSupervise: boolean;
}

/** The queue screen: take the next case, and every open case below. */
export function QueueView({ stale, canSupervise }: QueueViewProps) {
  return (
    <div className="queue-view">
      <div className="queue-view__toolbar">
        <TakeNextButton />
        <ShortcutHelp shortcuts={QUEUE_SHORTCUTS} />
      </div>
      <QueueTable stale={stale} canSupervise={canSupervise} />
    </div>
  );
}
