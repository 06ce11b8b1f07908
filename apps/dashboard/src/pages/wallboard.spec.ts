import { describe, expect, it } from 'vitest';
import {
  agentsGapSignal,
  formatWait,
  outlookCells,
  oldestWaitSignal,
  parseServerSentEvents,
  reconnectDelayMs,
  serviceLevelSignal,
  streamUrl,
  wallboardOptions,
} from './wallboard';

describe('wallboard', () => {
  it('reads its center, queues, thresholds and token from the address, with defaults', () => {
    expect(
      wallboardOptions('#/wallboard/c-1?queues=q1,q2&tz=UTC&target=0.9&amber=30&red=90&token=abc'),
    ).toEqual({
      centerId: 'c-1',
      queueIds: ['q1', 'q2'],
      timeZone: 'UTC',
      slTarget: 0.9,
      waitAmber: 30,
      waitRed: 90,
      token: 'abc',
    });
    expect(wallboardOptions('#/wallboard/c-1')).toMatchObject({
      queueIds: [],
      timeZone: 'Asia/Shanghai',
      slTarget: 0.8,
      waitAmber: 60,
      waitRed: 120,
      token: null,
    });
    // nonsense thresholds fall back to the defaults; red is never below amber
    expect(wallboardOptions('#/wallboard/c-1?target=80&amber=x&red=10')).toMatchObject({
      slTarget: 0.8,
      waitAmber: 60,
      waitRed: 60,
    });
    expect(wallboardOptions('#/wallboard')).toBeNull();
    expect(wallboardOptions('#/center/c-1')).toBeNull();
  });

  it('asks the gateway for the stream of the center and its queues', () => {
    const options = wallboardOptions('#/wallboard/c-1?queues=q1,q2&tz=UTC');
    expect(options && streamUrl(options)).toBe('/live/queues?centerId=c-1&timeZone=UTC&queueIds=q1%2Cq2');
  });

  it('splits the stream into events, keeping a cut event for the next chunk and dropping heartbeats', () => {
    const first = parseServerSentEvents(
      'event: queues\ndata: {"a":1}\n\n: heartbeat\n\nevent: queues\ndata: {"a"',
    );
    expect(first.events).toEqual([{ event: 'queues', data: '{"a":1}' }]);
    const second = parseServerSentEvents(`${first.rest}:2}\r\n\r\n`);
    expect(second).toEqual({ events: [{ event: 'queues', data: '{"a":2}' }], rest: '' });
    expect(parseServerSentEvents('data: line1\ndata: line2\n\n').events).toEqual([
      { event: 'message', data: 'line1\nline2' },
    ]);
  });

  it('colors service level against its target and the oldest wait against its thresholds', () => {
    expect([0.85, 0.8, 0.76, 0.74, null].map((sl) => serviceLevelSignal(sl, 0.8))).toEqual([
      'green',
      'green',
      'amber',
      'red',
      'none',
    ]);
    expect([null, 0, 59, 60, 119, 120].map((s) => oldestWaitSignal(s, 60, 120))).toEqual([
      'green',
      'green',
      'green',
      'amber',
      'amber',
      'red',
    ]);
  });

  it('backs off reconnecting up to 30 s and formats waits', () => {
    expect([0, 1, 2, 5, 10].map(reconnectDelayMs)).toEqual([1000, 2000, 4000, 30_000, 30_000]);
    expect([null, 0, 65, 600.4].map(formatWait)).toEqual(['–', '0:00', '1:05', '10:00']);
  });

  it('shows expected vs actual, required vs logged in and the gap colored; dashes and the reason without a forecast', () => {
    const n = (v: number) => String(v);
    const outlook = {
      expectedSoFar: 9.4,
      actualSoFar: 7,
      forecastRestOfDay: 93.8,
      requiredAgentsNow: 2,
      agentsGap: -1,
      reason: null,
    };
    expect(outlookCells(outlook, 1, n)).toEqual({
      expectedActual: '9 / 7',
      requiredLoggedIn: '2 / 1',
      gap: '-1',
      signal: 'amber',
      reason: null,
    });
    expect(outlookCells({ ...outlook, agentsGap: 3 }, 5, n)).toMatchObject({ gap: '+3', signal: 'green' });
    const none = {
      expectedSoFar: null,
      actualSoFar: null,
      forecastRestOfDay: null,
      requiredAgentsNow: null,
      agentsGap: null,
      reason: 'no forecast kept',
    };
    expect(outlookCells(none, 4, n)).toEqual({
      expectedActual: '–',
      requiredLoggedIn: '–',
      gap: '–',
      signal: 'none',
      reason: 'no forecast kept',
    });
    expect(outlookCells(undefined, 4, n).gap).toBe('–');
    // short by one (or a tenth of those required) amber, more red, none short green
    expect(
      [
        [0, 5],
        [-1, 5],
        [-2, 5],
        [-2, 20],
        [-3, 20],
        [null, null],
      ].map(([gap, required]) => agentsGapSignal(gap, required)),
    ).toEqual(['green', 'amber', 'red', 'amber', 'red', 'none']);
  });
});
