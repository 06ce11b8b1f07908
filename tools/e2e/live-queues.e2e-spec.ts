import type { Identity } from '@switchboard/auth';
import { caller, clientToken, postGraphQL } from '@switchboard/testing';
import { startTestStack, type TestStack } from './stack';

interface Push {
  at: number;
  data: { center: { waiting: number }; queues: { queueCode: string; waiting: number }[] };
}

/** A server-sent events client: every `event: queues` with its arrival time. */
async function subscribe(
  url: string,
  identity: Identity,
): Promise<{ status: number; pushes: Push[]; comments: string[]; close: () => void }> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${await clientToken(identity)}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  const pushes: Push[] = [];
  const comments: string[] = [];
  if (response.status === 200 && response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (block.startsWith(':')) comments.push(block);
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (data) pushes.push({ at: Date.now(), data: JSON.parse(data.slice(6)) as Push['data'] });
          }
        }
      } catch {
        // aborted
      }
    })();
  } else await response.text();
  return { status: response.status, pushes, comments, close: () => abort.abort() };
}

async function until<T>(probe: () => T | undefined, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('live queues through the gateway: events in, server-sent events out', () => {
  let stack: TestStack;
  let sha: string;
  beforeAll(async () => {
    stack = await startTestStack();
    const centers = await postGraphQL<{ centers: { id: string; code: string }[] }>(
      stack.gatewayUrl,
      '{ centers { id code } }',
    );
    sha = centers.data!.centers.find((c) => c.code === 'SHA-01')!.id;
  });
  afterAll(() => stack.stop());

  const send = async (lines: object[], identity: Identity = caller('ADMIN')): Promise<Response> =>
    fetch(`${stack.gatewayUrl.replace(/\/graphql$/, '')}/events?source=e2e`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await clientToken(identity)}` },
      body: lines.map((l) => JSON.stringify(l)).join('\n'),
    });
  const feed = (centerId: string): string =>
    `${stack.gatewayUrl.replace(/\/graphql$/, '')}/live/queues?centerId=${centerId}&timeZone=Asia/Shanghai`;

  it('a subscribed manager receives the change; other centers and the unauthenticated are refused', async () => {
    const now = Date.now();
    const first = await send([
      { type: 'CONTACT_QUEUED', external_id: 'e1', at: new Date(now).toISOString(), queue: 'LIVE-E2E' },
    ]);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('"accepted":1');
    await stack.subgraphs.traffic.orm.em
      .fork()
      .getConnection()
      .execute(`update queue set center_id = ? where code = 'LIVE-E2E'`, [sha]);

    const manager = await subscribe(feed(sha), caller('CENTER_MANAGER', { centers: ['SHA-01'] }));
    expect(manager.status).toBe(200);
    const initial = await until(() => manager.pushes.find((p) => p.data.center.waiting === 1));
    expect(initial.data.queues.map((q) => q.queueCode)).toContain('LIVE-E2E');

    const sent = Date.now();
    const second = await send([
      { type: 'CONTACT_QUEUED', external_id: 'e2', at: new Date().toISOString(), queue: 'LIVE-E2E' },
    ]);
    expect(await second.text()).toContain('"accepted":1');
    const changed = await until(() => manager.pushes.find((p) => p.data.center.waiting === 2));
    // at most one push interval (2 s) after the event, with room for a loaded test machine
    expect(changed.at - sent).toBeLessThan(4_000);
    manager.close();

    const other = await subscribe(feed(sha), caller('CENTER_MANAGER', { centers: ['CTU-T1'] }));
    expect(other.status).toBe(403);
    const readOnly = await subscribe(feed(sha), caller('BI_READER', { centers: ['SHA-01'] }));
    expect(readOnly.status).toBe(200);
    readOnly.close();
    const anonymous = await fetch(feed(sha));
    expect(anonymous.status).toBe(401);
    // The same figures as a field of staff's Center, in the center's own time zone (@requires).
    const viaCenter = await postGraphQL<{
      center: { timeZone: string; liveQueues: { timeZone: string; center: { waiting: number } } };
    }>(
      stack.gatewayUrl,
      'query ($id: ID!) { center(id: $id) { timeZone liveQueues { timeZone center { waiting } } } }',
      { id: sha },
      { authorization: `Bearer ${await clientToken(caller('CENTER_MANAGER', { centers: ['SHA-01'] }))}` },
    );
    expect(viaCenter.errors).toBeUndefined();
    expect(viaCenter.data?.center.liveQueues.timeZone).toBe(viaCenter.data?.center.timeZone);
    expect(viaCenter.data?.center.liveQueues.center.waiting).toBe(2);
    // Only writers send events.
    expect((await send([], caller('CENTER_MANAGER', { centers: ['SHA-01'] }))).status).toBe(403);
  });
});
