/**
 * createLazyController: the pane's Controller until the real one (loaded with import()) arrives, then
 * a pass-through that relays its status.
 */
import { createLazyController } from '../../src/taskpane/lazy-controller';
import type { HostInfo } from '../../src/taskpane/controller';
import { deferred, FakeController } from './fake-controller';

const HOST: HostInfo = { mode: 'excel', apiVersion: '1.8', displayLanguage: 'zh-CN' };

describe('createLazyController', () => {
  test('before the load: its own host, no rubrics, unbound, a clear import refusal; nothing loaded until asked', async () => {
    const load = jest.fn(async () => new FakeController());
    const lazy = createLazyController({ host: HOST, load });
    expect(lazy.host()).toBe(HOST);
    expect(lazy.listRubrics()).toEqual([]);
    expect(lazy.status().bound).toBe(false);
    expect(lazy.importRubric('a.json', '{}')).toEqual({
      ok: false,
      errors: [expect.objectContaining({ message: '评分细则库还在载入。' })],
    });
    expect(lazy.scoreFile).toBeUndefined();
    expect(load).not.toHaveBeenCalled();
    await lazy.whenLoaded();
    await lazy.whenLoaded();
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('after the load it delegates, and relays status changes to its subscribers', async () => {
    const fake = new FakeController();
    const lazy = createLazyController({ host: HOST, load: async () => fake });
    const seen: boolean[] = [];
    lazy.subscribe((s) => seen.push(s.bound));
    await lazy.whenLoaded();
    expect(lazy.listRubrics().map((r) => r.id)).toEqual(['hengdong-2020-members', 'chaoyang-2020-method']);
    fake.setStatus({ bound: true });
    expect(seen).toEqual([false, true]);
    expect(lazy.status().bound).toBe(true);
    const rescored = lazy.rescoreAll();
    await Promise.resolve();
    await Promise.resolve();
    expect(fake.callsOf('rescoreAll')).toHaveLength(1);
    fake.rescore!.resolve();
    await rescored;
  });

  test('an action started before the load waits for it', async () => {
    const gate = deferred();
    const fake = new FakeController();
    const lazy = createLazyController({ host: HOST, load: () => gate.promise.then(() => fake) });
    const done = lazy.exportAnnex();
    expect(fake.callsOf('exportAnnex')).toHaveLength(0);
    gate.resolve();
    await lazy.whenLoaded();
    await Promise.resolve();
    expect(fake.callsOf('exportAnnex')).toHaveLength(1);
    fake.exportDeferred!.resolve();
    await done;
  });

  test('a failed load rejects in Chinese and is retried on the next call', async () => {
    const load = jest.fn().mockRejectedValueOnce(new Error('Loading chunk 12 failed.')).mockResolvedValueOnce(new FakeController());
    const lazy = createLazyController({ host: HOST, load });
    await expect(lazy.whenLoaded()).rejects.toThrow('加载项的程序文件未能载入（Loading chunk 12 failed.）');
    await expect(lazy.whenLoaded()).resolves.toBeUndefined();
    expect(load).toHaveBeenCalledTimes(2);
  });

  test('scoreFile is offered from the start when the caller has it, and goes to the loaded controller', async () => {
    const fallback = jest.fn(async () => undefined);
    const inner = new FakeController();
    const innerScore = jest.fn(async () => undefined);
    (inner as { scoreFile?: (f: File) => Promise<void> }).scoreFile = innerScore;
    const lazy = createLazyController({ host: HOST, load: async () => inner, scoreFile: fallback });
    expect(typeof lazy.scoreFile).toBe('function');
    const file = { name: 'x.xlsx' } as File;
    await lazy.scoreFile?.(file);
    expect(innerScore).toHaveBeenCalledWith(file);
    expect(fallback).not.toHaveBeenCalled();
  });
});
