import { randomUUID } from 'node:crypto';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  authorizationFor,
  caller,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { liveClock } from '../live/live-queues.query';
import { trafficSubgraph } from '../traffic.subgraph';
import { alertDelivery, deliverAlertNotification, undeliveredAlertNotifications } from './alert-delivery';
import { alertHooks, evaluateAlertRules } from './alert-evaluator';
import { overdueCommitmentsSource } from './overdue-commitments';

const t = (hhmmss: string): Date => new Date(`2026-03-02T${hhmmss}Z`);

/**
 * An alert rule "oldest wait over 120 s for 60 s" on a queue of a center, driven by live events and
 * the live clock: it fires once per breach episode, clears once, and a crash between the decision and
 * its record neither loses nor doubles the event.
 */
describe('alert rules (traffic)', () => {
  let traffic: TestSubgraph;
  const centerId = randomUUID();
  const otherCenterId = randomUUID();
  let queueId: string;
  let ruleId: string;

  const post = async (lines: Record<string, unknown>[]) => {
    const response = await fetch(`${new URL(traffic.url).origin}/events?source=alerts`, {
      method: 'POST',
      headers: await authorizationFor(traffic.url),
      body: lines.map((l) => JSON.stringify(l)).join('\n'),
    });
    expect(await response.text()).toContain('"rejected":0');
  };
  const evaluateAt = async (time: string) => {
    liveClock.now = () => t(time);
    return evaluateAlertRules(traffic.orm.em.fork());
  };
  const notifications = async () =>
    traffic.orm.em
      .fork()
      .getConnection()
      .execute<
        { event: string; episode_id: string; value: number }[]
      >('select event, episode_id::text, value from alert_notification order by created_at, event desc');

  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph, {
      referenceSource: new KnownReferences().add('center', centerId, otherCenterId).source,
      scopeSource: staticScopeSource({
        centers: { 'AL-01': { id: centerId, teams: [] }, 'AL-02': { id: otherCenterId, teams: [] } },
        teams: {},
      }),
    });
    liveClock.now = () => t('09:00:00');
    await post([
      {
        type: 'CONTACT_QUEUED',
        external_id: 'w1',
        at: '2026-03-02T09:00:00Z',
        queue: 'AL-Q',
        channel: 'VOICE',
      },
    ]);
    const queues = await postGraphQL<{ queues: { id: string; code: string }[] }>(
      traffic.url,
      '{ queues { id code } }',
    );
    queueId = queues.data?.queues.find((q) => q.code === 'AL-Q')?.id as string;
    await postGraphQL(
      traffic.url,
      'mutation($id: ID!, $c: ID!) { updateQueue(id: $id, input: { centerId: $c }) { id } }',
      {
        id: queueId,
        c: centerId,
      },
    );
  });
  afterAll(async () => {
    liveClock.now = () => new Date();
    await traffic.stop();
  });

  it('a center manager creates a rule on a queue of their center', async () => {
    const created = await postGraphQL<{ createAlertRule: { id: string; firing: boolean } }>(
      traffic.url,
      `mutation($c: ID!, $q: ID!) { createAlertRule(input: { name: "Oldest wait", metric: OLDEST_WAIT_SECONDS,
         centerId: $c, queueIds: [$q], comparator: GT, threshold: 120, forSeconds: 60 }) { id firing } }`,
      { c: centerId, q: queueId },
      await authorizationFor(traffic.url, caller('CENTER_MANAGER', { centers: ['AL-01'] })),
    );
    expect(created.errors).toBeUndefined();
    ruleId = created.data?.createAlertRule.id as string;
    expect(created.data?.createAlertRule.firing).toBe(false);
  });

  it('fires once after 60 s over 120 s, however often evaluated; a crash between decide and record loses and doubles nothing; clears once', async () => {
    // w1 waits from 09:00:00: over 120 s from 09:02:01, so it fires at 09:03:01 or later
    for (const time of ['09:01:00', '09:02:10', '09:02:40']) await evaluateAt(time);
    expect(await notifications()).toEqual([]);
    // the process dies after deciding to fire, before recording: nothing is recorded
    alertHooks.beforeRecord = async (decisions) => {
      expect(decisions.map((d) => d.event)).toEqual(['FIRED']);
      throw new Error('killed between decide and record');
    };
    await expect(evaluateAt('09:03:15')).rejects.toThrow('killed');
    alertHooks.beforeRecord = async () => undefined;
    expect(await notifications()).toEqual([]);
    // the next evaluation (another replica, or the restarted one) decides again and records once
    expect(await evaluateAt('09:03:20')).toMatchObject({ fired: 1, cleared: 0 });
    for (const time of ['09:03:30', '09:04:00', '09:05:00'])
      expect(await evaluateAt(time)).toMatchObject({ fired: 0 });
    const fired = await notifications();
    expect(fired).toEqual([{ event: 'FIRED', episode_id: expect.any(String), value: 200 }]);
    // answered at 09:05:30: the queue empties, the breach ends
    await post([{ type: 'CONTACT_ANSWERED', external_id: 'w1', at: '2026-03-02T09:05:30Z', agent: 'E1' }]);
    // a crash before the clear is recorded: still firing, then cleared once
    alertHooks.beforeRecord = async () => {
      throw new Error('killed between decide and record');
    };
    await expect(evaluateAt('09:05:40')).rejects.toThrow('killed');
    alertHooks.beforeRecord = async () => undefined;
    expect(await evaluateAt('09:05:45')).toMatchObject({ cleared: 1 });
    expect(await evaluateAt('09:06:00')).toMatchObject({ cleared: 0, fired: 0 });
    const all = await notifications();
    expect(all.map((n) => n.event)).toEqual(['FIRED', 'CLEARED']);
    expect(all[1].episode_id).toBe(all[0].episode_id);
    // a second episode fires again, as a new episode
    await post([
      {
        type: 'CONTACT_QUEUED',
        external_id: 'w2',
        at: '2026-03-02T09:10:00Z',
        queue: 'AL-Q',
        channel: 'VOICE',
      },
    ]);
    await evaluateAt('09:12:30');
    await evaluateAt('09:13:40');
    const again = await notifications();
    expect(again.map((n) => n.event)).toEqual(['FIRED', 'CLEARED', 'FIRED']);
    expect(new Set(again.map((n) => n.episode_id)).size).toBe(2);
    const rules = await postGraphQL<{ alertRules: { id: string; firing: boolean; lastValue: number }[] }>(
      traffic.url,
      'query($c: ID!) { alertRules(centerId: $c) { id firing lastValue } }',
      { c: centerId },
    );
    expect(rules.data?.alertRules).toEqual([{ id: ruleId, firing: true, lastValue: 220 }]);
  });

  it('delivers each outbox row to the webhook once, retrying a failure', async () => {
    const sent: Record<string, unknown>[] = [];
    let fail = 1;
    alertDelivery.webhookUrl = () => 'http://hook.test/alerts';
    alertDelivery.send = async (_url, body) => {
      if (fail-- > 0) throw new Error('webhook down');
      sent.push(body);
    };
    const ids = await undeliveredAlertNotifications(traffic.orm.em.fork());
    expect(ids).toHaveLength(3);
    await expect(deliverAlertNotification(traffic.orm.em.fork(), ids[0])).rejects.toThrow('webhook down');
    for (const id of ids) expect(await deliverAlertNotification(traffic.orm.em.fork(), id)).toBe('DELIVERED');
    expect(await deliverAlertNotification(traffic.orm.em.fork(), ids[0])).toBe('ALREADY_DELIVERED');
    expect(sent.map((b) => b.event)).toEqual(['FIRED', 'CLEARED', 'FIRED']);
    expect(sent[0]).toMatchObject({
      metric: 'OLDEST_WAIT_SECONDS',
      threshold: 120,
      forSeconds: 60,
      centerId,
    });
    const attempts = await traffic.orm.em
      .fork()
      .getConnection()
      .execute<
        { delivery_attempts: number }[]
      >('select delivery_attempts from alert_notification order by created_at limit 1');
    expect(attempts[0].delivery_attempts).toBe(2);
  });

  it('refuses a threshold of the wrong unit, a short duration, a queue of another center; and other centers’ managers', async () => {
    const count = async () =>
      (
        await traffic.orm.em
          .fork()
          .getConnection()
          .execute<{ n: number }[]>('select count(*)::int as n from alert_rule')
      )[0].n;
    const before = await count();
    const refused = async (input: string, field: string) => {
      const response = await postGraphQL(
        traffic.url,
        `mutation($c: ID!) { createAlertRule(input: { name: "r", centerId: $c, ${input} }) { id } }`,
        { c: centerId },
      );
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toContain(field);
    };
    // 80 is a percentage: service level is a fraction
    await refused('metric: SERVICE_LEVEL_TODAY, comparator: LT, threshold: 80, forSeconds: 60', 'threshold');
    await refused('metric: OLDEST_WAIT_SECONDS, comparator: GT, threshold: 120, forSeconds: 2', 'forSeconds');
    await refused('metric: WAITING, comparator: GT, threshold: -1, forSeconds: 60', 'threshold');
    await refused(
      `metric: WAITING, queueIds: ["${randomUUID()}"], comparator: GT, threshold: 5, forSeconds: 60`,
      'queueIds',
    );
    await refused(
      'metric: WAITING, comparator: GT, threshold: 5, forSeconds: 60, timeZone: "Mars/Base"',
      'timeZone',
    );
    expect(await count()).toBe(before);
    const outsider = await postGraphQL(
      traffic.url,
      `mutation($c: ID!) { createAlertRule(input: { name: "r", centerId: $c, metric: WAITING, comparator: GT, threshold: 5, forSeconds: 60 }) { id } }`,
      { c: centerId },
      await authorizationFor(traffic.url, caller('CENTER_MANAGER', { centers: ['AL-02'] })),
    );
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const reader = await postGraphQL(
      traffic.url,
      'query($c: ID!) { alertRules(centerId: $c) { id } }',
      { c: centerId },
      await authorizationFor(traffic.url, caller('CENTER_MANAGER', { centers: ['AL-02'] })),
    );
    expect(reader.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  it('a data-stale rule fires on the lag of the center’s ACD contacts', async () => {
    const created = await postGraphQL<{ createAlertRule: { id: string } }>(
      traffic.url,
      `mutation($c: ID!) { createAlertRule(input: { name: "Data stale", metric: DATA_LAG_MINUTES, centerId: $c,
         comparator: GT, threshold: 30, forSeconds: 5 }) { id } }`,
      { c: centerId },
    );
    expect(created.errors).toBeUndefined();
    // the live events above were recorded as batches: latest contact event 09:10:00
    await evaluateAt('09:41:00'); // lag 31 min: breach starts
    await evaluateAt('09:41:10'); // lasted 10 s ≥ 5 s: fires
    const rows = await traffic.orm.em
      .fork()
      .getConnection()
      .execute<
        { value: number }[]
      >(`select value from alert_notification where rule_id = ? and event = 'FIRED'`, [created.data?.createAlertRule.id]);
    expect(rows).toEqual([{ value: 31 + 10 / 60 }]);
  });

  it('an overdue-commitments rule reads care through the gateway: fires when any is overdue, clears when none', async () => {
    const asked: string[][] = [];
    let overdue = 0;
    overdueCommitmentsSource.count = async (centerIds) => {
      asked.push([...centerIds]);
      return new Map(centerIds.map((id) => [id, overdue]));
    };
    const created = await postGraphQL<{ createAlertRule: { id: string } }>(
      traffic.url,
      `mutation($c: ID!) { createAlertRule(input: { name: "Overdue", metric: OVERDUE_COMMITMENTS, centerId: $c,
         comparator: GT, threshold: 0, forSeconds: 5 }) { id } }`,
      { c: centerId },
    );
    expect(created.errors).toBeUndefined();
    const events = async () =>
      (
        await traffic.orm.em
          .fork()
          .getConnection()
          .execute<
            { event: string }[]
          >('select event from alert_notification where rule_id = ? order by created_at, event desc', [created.data?.createAlertRule.id])
      ).map((r) => r.event);
    await evaluateAt('10:00:00');
    overdue = 2;
    await evaluateAt('10:00:10');
    await evaluateAt('10:00:20');
    await evaluateAt('10:00:30');
    overdue = 0;
    await evaluateAt('10:00:40');
    expect(await events()).toEqual(['FIRED', 'CLEARED']);
    // one question per evaluation, for the one center that has such a rule
    expect(asked).toEqual(Array.from({ length: 5 }, () => [centerId]));
  });
});
