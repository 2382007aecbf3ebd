import { describe, expect, it } from 'vitest';
import { createLatestRead } from './request-state';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createLatestRead', () => {
  it('hands the answer of the only read to ok', async () => {
    const read = createLatestRead();
    const seen: string[] = [];
    await read.run(async () => 'a', { ok: (d) => seen.push(d), failed: () => seen.push('failed') });
    expect(seen).toEqual(['a']);
  });

  it('hands a failure to failed', async () => {
    const read = createLatestRead();
    const seen: unknown[] = [];
    const boom = new Error('boom');
    await read.run(
      async () => {
        throw boom;
      },
      { ok: () => seen.push('ok'), failed: (e) => seen.push(e) },
    );
    expect(seen).toEqual([boom]);
  });

  it('drops an older answer that arrives after the newer one, and aborts its request', async () => {
    const read = createLatestRead();
    const first = deferred<string>();
    const second = deferred<string>();
    const seen: string[] = [];
    let firstSignal: AbortSignal | undefined;
    const handlers = { ok: (d: string) => seen.push(d), failed: () => seen.push('failed') };
    const a = read.run((signal) => ((firstSignal = signal), first.promise), handlers);
    const b = read.run(() => second.promise, handlers);
    expect(firstSignal?.aborted).toBe(true);
    second.resolve('new');
    await b;
    first.resolve('old');
    await a;
    expect(seen).toEqual(['new']);
  });

  it('drops the failure of a superseded read (an aborted fetch rejects)', async () => {
    const read = createLatestRead();
    const first = deferred<string>();
    const seen: string[] = [];
    const handlers = { ok: (d: string) => seen.push(d), failed: () => seen.push('failed') };
    const a = read.run(() => first.promise, handlers);
    const b = read.run(async () => 'new', handlers);
    first.reject(new DOMException('aborted', 'AbortError'));
    await Promise.all([a, b]);
    expect(seen).toEqual(['new']);
  });

  it('cancel drops the read in flight without starting another', async () => {
    const read = createLatestRead();
    const first = deferred<string>();
    const seen: string[] = [];
    let signal: AbortSignal | undefined;
    const a = read.run((s) => ((signal = s), first.promise), { ok: (d) => seen.push(d), failed: () => seen.push('x') });
    read.cancel();
    expect(signal?.aborted).toBe(true);
    first.resolve('late');
    await a;
    expect(seen).toEqual([]);
  });

  it('a superseded read settles at once, even if its request never answers', async () => {
    const read = createLatestRead();
    const seen: string[] = [];
    const handlers = { ok: (d: string) => seen.push(d), failed: () => seen.push('failed') };
    const stuck = read.run(() => new Promise<string>(() => undefined), handlers);
    read.cancel();
    await stuck;
    expect(seen).toEqual([]);
  });

  it('hands a read that throws before it starts to failed', async () => {
    const read = createLatestRead();
    const seen: string[] = [];
    await read.run(
      () => {
        throw new Error('no site');
      },
      { ok: () => seen.push('ok'), failed: (e) => seen.push((e as Error).message) },
    );
    expect(seen).toEqual(['no site']);
  });

  it('a read after a settled one is not affected by it', async () => {
    const read = createLatestRead();
    const seen: string[] = [];
    const handlers = { ok: (d: string) => seen.push(d), failed: () => seen.push('failed') };
    await read.run(async () => 'one', handlers);
    read.cancel();
    await read.run(async () => 'two', handlers);
    expect(seen).toEqual(['one', 'two']);
  });
});
