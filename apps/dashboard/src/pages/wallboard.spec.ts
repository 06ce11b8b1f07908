import { describe, expect, it } from 'vitest';
import {
  formatWait,
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
});
