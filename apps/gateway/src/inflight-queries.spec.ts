import { identityKey, InflightQueries, type SubgraphAnswer } from './inflight-queries';

describe('InflightQueries', () => {
  it('sends one of several identical requests on their way together, and gives each caller its own copy', async () => {
    const inflight = new InflightQueries<SubgraphAnswer>();
    let sends = 0;
    let answer: (value: SubgraphAnswer) => void = () => undefined;
    const send = () => {
      sends += 1;
      return new Promise<SubgraphAnswer>((resolve) => (answer = resolve));
    };
    const waiting = [inflight.run('k', send), inflight.run('k', send), inflight.run('k', send)];
    expect(inflight.size).toBe(1);
    answer({ data: { agents: [{ employeeNo: 'E1', traffic: null }] } });
    const [a, b, c] = await Promise.all(waiting);
    expect(sends).toBe(1);
    expect(inflight.shared).toBe(2);
    (a.data?.agents as { traffic: unknown }[])[0].traffic = { offered: 3 }; // the plan merges into what it gets
    expect(b).toEqual({ data: { agents: [{ employeeNo: 'E1', traffic: null }] } });
    expect(c.data).not.toBe(b.data);
  });

  it('copies nothing for a read nobody shared: its caller gets the answer itself', async () => {
    const inflight = new InflightQueries<SubgraphAnswer>();
    const answer = { data: { agents: [{ employeeNo: 'E1' }] } };
    expect(await inflight.run('k', () => Promise.resolve(answer))).toBe(answer);
    expect(inflight.copies).toBe(0);
  });

  it('copies for every sharing waiter but the last, which has the answer after the others copied it', async () => {
    const inflight = new InflightQueries<SubgraphAnswer>();
    let answer: (value: SubgraphAnswer) => void = () => undefined;
    const original = { data: { agents: [{ employeeNo: 'E1', traffic: null as unknown }] } };
    const send = () => new Promise<SubgraphAnswer>((resolve) => (answer = resolve));
    // each waiter merges into what it gets as soon as it resumes, as the query plan does
    const merged = [0, 1, 2].map((i) =>
      inflight.run('k', send).then((got) => {
        (got.data?.agents as { traffic: unknown }[])[0].traffic = { waiter: i };
        return got;
      }),
    );
    answer(original);
    const got = await Promise.all(merged);
    expect(inflight.copies).toBe(2);
    expect(got.filter((g) => g === original)).toHaveLength(1);
    expect(got.map((g) => (g.data?.agents as { traffic: unknown }[])[0].traffic)).toEqual([
      { waiter: 0 },
      { waiter: 1 },
      { waiter: 2 },
    ]);
  });

  it('keeps nothing once the answer is in: the next request is sent afresh', async () => {
    const inflight = new InflightQueries<SubgraphAnswer>();
    let sends = 0;
    const send = () => Promise.resolve({ data: { n: (sends += 1) } });
    expect((await inflight.run('k', send)).data).toEqual({ n: 1 });
    expect((await inflight.run('k', send)).data).toEqual({ n: 2 });
    expect(inflight.size).toBe(0);
  });

  it('fails every waiter with the shared failure, and forgets it', async () => {
    const inflight = new InflightQueries<SubgraphAnswer>();
    const failing = () => Promise.reject(new Error('down'));
    await expect(Promise.all([inflight.run('k', failing), inflight.run('k', failing)])).rejects.toThrow(
      'down',
    );
    expect(inflight.size).toBe(0);
  });

  it('keys callers by what scopes their data, not by the order of their claims', () => {
    const base = { subject: 's', roles: ['HR', 'TRAINER'] as const, centers: ['A', 'B'], teams: [] };
    expect(identityKey({ ...base, roles: ['TRAINER', 'HR'], centers: ['B', 'A'] })).toBe(
      identityKey({ ...base, roles: [...base.roles] }),
    );
    expect(identityKey({ ...base, roles: ['HR'] })).not.toBe(
      identityKey({ ...base, roles: [...base.roles] }),
    );
    expect(identityKey({ ...base, roles: ['HR'], employeeNo: 'E1' })).not.toBe(
      identityKey({ ...base, roles: ['HR'] }),
    );
  });
});
