import { caller, clientToken, postGraphQL } from '@switchboard/testing';
import { ensureDashboardBuilt } from '../src/dashboard/dashboard-build';
import { launchChromium, type HeadlessBrowser } from './browser';
import { startTestStack, type TestStack } from './stack';

/**
 * The wallboard in headless chromium: opened by its address with a read-only token scoped to one
 * center (no sign-in, no interaction), it shows the center's queue from the gateway's stream and
 * changes when an event is posted.
 */
describe('wallboard (TV mode) in headless chromium', () => {
  let stack: TestStack;
  let chromium: HeadlessBrowser;
  let origin: string;
  let sha: string;
  let queueId: string;

  const send = async (lines: object[]): Promise<void> => {
    const response = await fetch(`${origin}/events?source=wallboard-e2e`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await clientToken(caller('ADMIN'))}` },
      body: lines.map((l) => JSON.stringify(l)).join('\n'),
    });
    expect(await response.text()).toContain('"rejected":0');
  };

  beforeAll(async () => {
    const dashboardDir = await ensureDashboardBuilt();
    stack = await startTestStack({ gateway: { dashboardDir } });
    origin = new URL(stack.gatewayUrl).origin;
    const centers = await postGraphQL<{ centers: { id: string; code: string }[] }>(
      stack.gatewayUrl,
      '{ centers { id code } }',
    );
    sha = centers.data!.centers.find((c) => c.code === 'SHA-01')!.id;
    const now = new Date();
    await send([
      {
        type: 'CONTACT_QUEUED',
        external_id: 'wb-0',
        at: new Date(now.getTime() - 30_000).toISOString(),
        queue: 'WB-Q',
        channel: 'VOICE',
      },
    ]);
    const queues = await postGraphQL<{ queues: { id: string; code: string }[] }>(
      stack.gatewayUrl,
      '{ queues { id code } }',
    );
    queueId = queues.data!.queues.find((q) => q.code === 'WB-Q')!.id;
    const moved = await postGraphQL(
      stack.gatewayUrl,
      'mutation($id: ID!, $c: ID!) { updateQueue(id: $id, input: { centerId: $c }) { id } }',
      { id: queueId, c: sha },
    );
    expect(moved.errors).toBeUndefined();
    chromium = await launchChromium();
  }, 900_000);

  afterAll(async () => {
    await chromium?.close();
    await stack?.stop();
  });

  it('shows a center to a read-only token in its address and changes when an event arrives', async () => {
    const token = await clientToken(caller('BI_READER', { centers: ['SHA-01'] }));
    const page = await chromium.context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(
      `${origin}/#/wallboard/${sha}?queues=${queueId}&tz=Asia/Shanghai&amber=20&red=25&token=${token}`,
    );
    const waiting = page.locator('[data-wallboard="waiting"] .wallboard-value');
    await waiting.filter({ hasText: /^1$/ }).waitFor();
    await page.locator('.wallboard[data-connection="live"]').waitFor();
    // wb-0 has waited over 25 s: the oldest wait is red
    await page.locator('[data-wallboard="oldestWait"][data-signal="red"]').waitFor();
    await send([
      {
        type: 'CONTACT_QUEUED',
        external_id: 'wb-1',
        at: new Date().toISOString(),
        queue: 'WB-Q',
        channel: 'VOICE',
      },
    ]);
    await waiting.filter({ hasText: /^2$/ }).waitFor({ timeout: 10_000 });
    await page.locator('tr[data-queue="WB-Q"] [data-wallboard-waiting]').filter({ hasText: /^2$/ }).waitFor();
    // WB-Q has no forecast kept in wfm: traffic asked wfm through the gateway, and the board says so
    const gap = page.locator('tr[data-queue="WB-Q"] [data-wallboard-gap]');
    await gap.filter({ hasText: /^–$/ }).waitFor();
    expect(await gap.getAttribute('title')).toMatch(/no forecast kept in wfm/);
    // the queue empties: answered by agents, the board follows
    await send([
      { type: 'CONTACT_ANSWERED', external_id: 'wb-0', at: new Date().toISOString(), agent: 'E-WB' },
      { type: 'CONTACT_ANSWERED', external_id: 'wb-1', at: new Date().toISOString(), agent: 'E-WB2' },
    ]);
    await waiting.filter({ hasText: /^0$/ }).waitFor({ timeout: 10_000 });
    await page.locator('[data-wallboard="oldestWait"][data-signal="green"]').waitFor();
    // each queue's name opens its queue page
    expect(await page.locator('tr[data-queue="WB-Q"] th a').getAttribute('href')).toBe(
      `#/queue/${encodeURIComponent(queueId)}`,
    );
    await page.close();
  });

  it('refuses a token of another center, saying so on the board', async () => {
    const token = await clientToken(caller('BI_READER', { centers: ['CTU-T1'] }));
    const page = await chromium.context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${origin}/#/wallboard/${sha}?token=${token}`);
    await page.locator('.wallboard[data-connection="refused"]').waitFor();
    await page.close();
  });
});
