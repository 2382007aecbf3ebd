import { afterEach, describe, expect, it } from 'vitest';
import { MetricsService } from '../common/metrics/metrics.service.js';
import { loadConfig } from '../config/config.schema.js';
import { EvaluationDispatcherService } from './evaluation-dispatcher.service.js';
import type { CommittedBatch, EvaluationService } from './evaluation.service.js';
import { laneOfAccount } from './lane-router.js';

/**
 * The dispatcher's routing with a stand-in evaluator whose batches commit only when the test
 * says so (no PostgreSQL is needed to decide which batch runs when; the lanes' SQL is tested
 * in test/evaluation-lanes.spec.ts).
 */
class HeldEvaluation {
  readonly batches: { ids: string[]; commit: () => void }[] = [];
  commitBatch(ids: string[]): Promise<CommittedBatch> {
    return new Promise((resolve) => {
      const results = new Map(ids.map((id) => [id, { decision: 'LOG_ONLY' as const, caseId: null }]));
      this.batches.push({ ids, commit: () => resolve({ results, changes: [], summaries: null }) });
    });
  }
  afterCommit(): Promise<void> {
    return Promise.resolve();
  }
  /** The batch holding this signal. */
  batchOf(id: string) {
    return this.batches.find((batch) => batch.ids.includes(id));
  }
}

const metrics: MetricsService[] = [];
afterEach(() => metrics.splice(0).forEach((m) => m.onModuleDestroy()));

function dispatcher(evaluation: HeldEvaluation, dataSource: unknown = null): EvaluationDispatcherService {
  const m = new MetricsService();
  metrics.push(m);
  const config = loadConfig({ NODE_ENV: 'test', EVALUATION_BACKLOG_LIMIT: '0' });
  return new EvaluationDispatcherService(evaluation as unknown as EvaluationService, dataSource as never, m, config);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('EvaluationDispatcherService lanes', () => {
  it("keeps an account's signals in storage order when the load moves it to another lane", async () => {
    const evaluation = new HeldEvaluation();
    const lanes = dispatcher(evaluation);
    const mover = Array.from({ length: 100 }, (_, n) => `C${n}`).find((a) => laneOfAccount(a, 3) !== 0)!;
    const settled: string[] = [];
    const evaluate = (id: string, account: string) =>
      void lanes.evaluate(id, 'INTRUSION', account).then(() => settled.push(id));

    evaluate('1', mover);
    await tick();
    // The first lane commits signal 1; a full batch of others piles up behind it.
    expect(evaluation.batches.map((b) => b.ids)).toEqual([['1']]);
    for (let n = 0; n < 600; n += 1) evaluate(String(1000 + n), `Z${n % 7}`);
    // Loaded: the mover's next signal belongs to another lane but waits for signal 1.
    evaluate('2', mover);
    await tick();
    expect(evaluation.batchOf('2')).toBeUndefined();
    evaluation.batchOf('1')!.commit();
    await tick();
    const second = evaluation.batchOf('2');
    expect(second).toBeDefined();
    expect(second!.ids).not.toContain('1000');
    second!.commit();
    await tick();
    expect(settled.slice(0, 2)).toEqual(['1', '2']);
    for (const batch of evaluation.batches) batch.commit();
  });

  it('never routes fire or hold-up through the normal lanes', async () => {
    const evaluation = new HeldEvaluation();
    const lanes = dispatcher(evaluation);
    void lanes.evaluate('1', 'INTRUSION', 'A1');
    await tick();
    void lanes.evaluate('2', 'INTRUSION', 'A1');
    void lanes.evaluate('3', 'FIRE', 'A1');
    await tick();
    // The burglary batch is still committing; the fire has a batch of its own at once.
    expect(evaluation.batches.map((b) => b.ids)).toEqual([['1'], ['3']]);
    for (const batch of evaluation.batches) batch.commit();
    await tick();
    for (const batch of evaluation.batches) batch.commit();
  });
});

describe('EvaluationDispatcherService sweep', () => {
  it('hands a backlog larger than one chunk over chunk after chunk once the lanes are done with most of it', async () => {
    const evaluation = new HeldEvaluation();
    const asked: string[] = [];
    const row = (n: number) => ({ id: String(n), category: 'TECHNICAL', account: `P${n % 50}` });
    // signal_backlog holds 20,003 signals: a full chunk, then three more.
    const dataSource = {
      query: async (_sql: string, [, after]: [number, string]) => {
        asked.push(after);
        if (after === '0') return Array.from({ length: 20_000 }, (_, i) => row(i + 1));
        return after === '20000' ? [row(20_001), row(20_002), row(20_003)] : [];
      },
    };
    const lanes = dispatcher(evaluation, dataSource);
    await lanes.onApplicationBootstrap();
    expect(asked).toEqual(['0']);
    expect(lanes.backlog).toBe(20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Nothing evaluated yet: the next chunk waits.
    expect(asked).toEqual(['0']);
    for (let round = 0; round < 200 && asked.length < 2; round += 1) {
      for (const batch of evaluation.batches) batch.commit();
      await tick();
    }
    expect(asked).toEqual(['0', '20000']);
    await eventuallyTrue(() => evaluation.batches.some((b) => b.ids.includes('20003')));
    for (let round = 0; round < 20; round += 1) {
      for (const batch of evaluation.batches) batch.commit();
      await tick();
    }
    await lanes.beforeApplicationShutdown();
    expect(lanes.backlog).toBe(0);
  });
});

async function eventuallyTrue(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) {
    await tick();
  }
  expect(check()).toBe(true);
}
