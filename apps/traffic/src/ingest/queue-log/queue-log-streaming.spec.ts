import type { ContactRecord } from '../../contact/contact-record';
import { QueueLogParser } from './queue-log-parser';
import { SOURCE, utc, voiceContact } from './queue-log-test-records';

const T0 = 1717228800; // 2024-06-01T08:00:00Z

/**
 * `calls` answered calls, ten seconds apart, each overlapping the next: call i enters at
 * T0 + 10 i, is answered 5 s later and ends 17 s after it entered. Lines come out in time order.
 */
function* busyDay(calls: number): Generator<string> {
  const complete = (i: number) =>
    `${T0 + 10 * i + 17}|${T0 + 10 * i}.${i}|cards|PJSIP/${1000 + (i % 50)}|COMPLETEAGENT|5|12|1||`;
  for (let i = 0; i < calls; i += 1) {
    const t = T0 + 10 * i;
    yield `${t}|${t}.${i}|cards|NONE|ENTERQUEUE||1380${i}|1||`;
    yield `${t + 5}|${t}.${i}|cards|PJSIP/${1000 + (i % 50)}|CONNECT|5|${t}.${i}b|2||`;
    if (i > 0) yield complete(i - 1);
  }
  yield complete(calls - 1);
}

describe('QueueLogParser streaming', () => {
  it('keeps no state for 100,000 completed calls fed line by line', () => {
    const parser = new QueueLogParser({ source: SOURCE });
    let lineNumber = 0;
    let contacts = 0;
    let rejected = 0;
    let mostOpen = 0;
    let mostRemembered = 0;
    let last: ContactRecord | null = null;
    for (const line of busyDay(100_000)) {
      lineNumber += 1;
      const output = parser.push(line, lineNumber);
      contacts += output.contacts.length;
      rejected += output.rejected.length;
      if (output.contacts.length > 0) last = output.contacts[output.contacts.length - 1];
      mostOpen = Math.max(mostOpen, parser.openCalls);
      mostRemembered = Math.max(mostRemembered, parser.rememberedCalls);
    }
    expect({ lineNumber, contacts, rejected, mostOpen }).toEqual({
      lineNumber: 300_000,
      contacts: 100_000,
      rejected: 0,
      mostOpen: 2,
    });
    expect(parser.openCalls).toBe(0);
    // Only the callids ended in the last 24 h of log time (one every 10 s) are remembered.
    expect(mostRemembered).toBeLessThanOrEqual(24 * 360 + 1);
    expect(parser.end()).toEqual({ contacts: [], agentStates: [], rejected: [] });
    expect(parser.rememberedCalls).toBe(0);
    // Call 99,999 entered 999,990 s after 2024-06-01T08:00:00Z: 2024-06-12T21:46:30Z.
    expect(last).toEqual(
      voiceContact({
        externalId: '1718228790.99999',
        queue: 'cards',
        agent: '1049',
        customerKey: '138099999',
        arrivedAt: new Date('2024-06-12T21:46:30Z'),
        answeredAt: new Date('2024-06-12T21:46:35Z'),
        endedAt: new Date('2024-06-12T21:46:47Z'),
        outcome: 'ANSWERED',
      }),
    );
  });

  it('numbers a re-entry within the window and forgets callids ended before it', () => {
    const parser = new QueueLogParser({ source: SOURCE, reentryWindowSeconds: 60 });
    const lines = [
      `${T0}|1.1|sales|NONE|ENTERQUEUE||123|1||`,
      `${T0 + 30}|1.1|sales|NONE|EXITWITHTIMEOUT|1|1|30||`,
      `${T0 + 30}|1.1|overflow|NONE|ENTERQUEUE||123|1||`,
      `${T0 + 40}|1.1|overflow|NONE|ABANDON|1|1|10||`,
      `${T0 + 200}|2.2|sales|NONE|ENTERQUEUE||456|1||`,
      `${T0 + 205}|2.2|sales|NONE|ABANDON|1|1|5||`,
    ];
    const ids = lines.flatMap((line, index) =>
      parser.push(line, index + 1).contacts.map((c) => c.externalId),
    );
    expect(ids).toEqual(['1.1', '1.1#2', '2.2']);
    expect(parser.rememberedCalls).toBe(1);
    // 1.1 was forgotten: a return after the window restarts at the plain callid.
    const back = parser.push(`${T0 + 206}|1.1|sales|NONE|ENTERQUEUE||123|1||`, 7);
    expect(back.rejected).toEqual([]);
    expect(parser.end().rejected).toEqual([
      {
        line: 7,
        field: 'event',
        reason: `call 1.1 (queue sales, entered ${utc('08:03:26').toISOString()}) never ended in this file`,
      },
    ]);
  });
});
