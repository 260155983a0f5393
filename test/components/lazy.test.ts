import { expect } from '@open-wc/testing';
import { lazy } from '../../src/components/shared/lazy.js';

describe('lazy()', () => {
  function deferred<T>() {
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
    return { promise, resolve, reject };
  }

  it('loads once on first use and shares the result', async () => {
    let loads = 0;
    const get = lazy(async () => ({ n: (loads += 1) }));
    const [a, b] = await Promise.all([get(new AbortController().signal), get(new AbortController().signal)]);
    expect(a).to.equal(b);
    expect(await get(new AbortController().signal)).to.equal(a);
    expect(loads).to.equal(1);
  });

  it('a use whose signal aborts rejects with its reason; the others still get the module', async () => {
    const gate = deferred<string>();
    const get = lazy(() => gate.promise);
    const cancelled = new AbortController();
    const dropped = get(cancelled.signal);
    const kept = get(new AbortController().signal);
    cancelled.abort(new DOMException('Panel closed', 'AbortError'));
    gate.resolve('module');
    let reason: unknown;
    await dropped.catch((error: unknown) => (reason = error));
    expect((reason as DOMException).message).to.equal('Panel closed');
    expect(await kept).to.equal('module');
    // Already aborted: rejected at once.
    const already = new AbortController();
    already.abort();
    let early = false;
    await get(already.signal).catch(() => (early = true));
    expect(early).to.be.true;
  });

  it('a failed load is forgotten: the next use tries again', async () => {
    let attempt = 0;
    const get = lazy(async () => {
      attempt += 1;
      if (attempt === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return 'module';
    });
    let failed = false;
    await get(new AbortController().signal).catch(() => (failed = true));
    expect(failed).to.be.true;
    expect(await get(new AbortController().signal)).to.equal('module');
    expect(attempt).to.equal(2);
  });
});
