import { onFreePort } from '@teamflow/local-services';

// A free port is only free when asked: the test servers of other suites, started meanwhile, can
// take it before a daemon binds (clamd loads its signatures for seconds first). CI once lost the
// attachments suite to "clamd exited (1): Cannot bind to [127.0.0.1]:34995: Address already in use".

describe('local daemons on a free port', () => {
  it('start again on another port when the first was taken before they bound', async () => {
    const tried: number[] = [];
    const started = await onFreePort('127.0.0.1', undefined, (port) => {
      tried.push(port);
      if (tried.length > 1) return Promise.resolve(port);
      const bind = `ERROR: TCP: Cannot bind to [127.0.0.1]:${port}: Address already in use`;
      return Promise.reject(new Error(`clamd exited (1): ${bind}`));
    });
    expect(tried).toHaveLength(2);
    expect(started).toBe(tried[1]);
  });

  it('give up on any other failure at once, and after three taken ports', async () => {
    let calls = 0;
    await expect(
      onFreePort('127.0.0.1', undefined, () => {
        calls++;
        return Promise.reject(new Error('pgbouncer exited (1): config error'));
      }),
    ).rejects.toThrow('config error');
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      onFreePort('127.0.0.1', undefined, () => {
        calls++;
        return Promise.reject(new Error('Address already in use'));
      }),
    ).rejects.toThrow('Address already in use');
    expect(calls).toBe(3);
  });

  it('keep a port asked for by name: its daemon fails rather than move elsewhere', async () => {
    const tried: number[] = [];
    await expect(
      onFreePort('127.0.0.1', 6399, (port) => {
        tried.push(port);
        return Promise.reject(new Error('Address already in use'));
      }),
    ).rejects.toThrow('Address already in use');
    expect(tried).toEqual([6399]);
  });
});
