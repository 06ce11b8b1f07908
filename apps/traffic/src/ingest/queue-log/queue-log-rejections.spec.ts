import { parseQueueLog } from './queue-log-parser';
import { SOURCE, utc, voiceContact } from './queue-log-test-records';

// 1717228800 is 2024-06-01T08:00:00Z.
const parse = (...lines: string[]) => parseQueueLog(lines.join('\n'), { source: SOURCE });

/** One complete, answered call: enters at 08:00:00 + offset, answered 10 s later, ends 60 s after. */
function answeredCall(callid: string, offset = 0): string[] {
  const t = 1717228800 + offset;
  return [
    `${t}|${callid}|cards|NONE|ENTERQUEUE||13800138000|1||`,
    `${t + 10}|${callid}|cards|PJSIP/1042|CONNECT|10|${callid}9|2||`,
    `${t + 70}|${callid}|cards|PJSIP/1042|COMPLETEAGENT|10|60|1||`,
  ];
}

describe('QueueLogParser rejections', () => {
  it('rejects malformed lines with their line numbers and keeps reading', () => {
    const output = parse(
      '1717228790|NONE|NONE|QUEUESTART',
      '',
      'yesterday|1.1|cards|NONE|ENTERQUEUE||123|1||',
      '1717228795|1.2|cards|NONE||',
      ...answeredCall('1.3', 10),
    );
    expect(output.rejected).toEqual([
      {
        line: 1,
        field: 'line',
        reason: 'expected at least 5 |-separated fields (epoch|callid|queuename|agent|event), found 4',
      },
      { line: 3, field: 'epoch', reason: 'epoch "yesterday" is not a number of seconds' },
      { line: 4, field: 'event', reason: 'the event name is empty' },
    ]);
    expect(output.contacts.map((c) => c.externalId)).toEqual(['1.3']);
  });

  it('rejects call lines with no ENTERQUEUE before them (a file that starts mid-call)', () => {
    const output = parse(
      '1717228810|1.1|cards|PJSIP/1042|CONNECT|10|1.19|2||',
      '1717228870|1.1|cards|PJSIP/1042|COMPLETEAGENT|10|60|1||',
    );
    expect(output.rejected).toEqual([
      { line: 1, field: 'event', reason: 'CONNECT for call 1.1 without ENTERQUEUE' },
      { line: 2, field: 'event', reason: 'COMPLETEAGENT for call 1.1 without ENTERQUEUE' },
    ]);
    expect(output.contacts).toEqual([]);
    expect(output.agentStates).toEqual([]);
  });

  it('rejects a line whose time goes backwards for its call, and reads the call on', () => {
    const [enter, connect, complete] = answeredCall('1.1');
    const output = parse(enter, '1717228795|1.1|cards|PJSIP/1042|CONNECT|0|1.19|2||', connect, complete);
    expect(output.rejected).toEqual([
      {
        line: 2,
        field: 'epoch',
        reason:
          "CONNECT at 2024-06-01T07:59:55.000Z is earlier than call 1.1's line 1 at 2024-06-01T08:00:00.000Z",
      },
    ]);
    expect(output.contacts).toEqual([
      voiceContact({
        externalId: '1.1',
        queue: 'cards',
        agent: '1042',
        customerKey: '13800138000',
        arrivedAt: utc('08:00:00'),
        answeredAt: utc('08:00:10'),
        endedAt: utc('08:01:10'),
        outcome: 'ANSWERED',
      }),
    ]);
  });

  it('rejects lines that contradict the call’s state', () => {
    const output = parse(
      '1717228800|1.1|cards|NONE|ENTERQUEUE||123|1||',
      '1717228805|1.1|cards|PJSIP/1042|COMPLETEAGENT|5|0|1||',
      '1717228806|1.1|loans|PJSIP/1042|CONNECT|6|1.19|2||',
      '1717228807|1.1|cards|PJSIP/1042|CONNECT|7|1.19|2||',
      '1717228808|1.1|cards|PJSIP/3003|CONNECT|8|1.18|2||',
      '1717228809|1.1|cards|NONE|ABANDON|1|1|9||',
      '1717228869|1.1|cards|PJSIP/1042|COMPLETECALLER|7|62|1||',
      '1717228870|1.1|cards|PJSIP/1042|COMPLETEAGENT|7|63|1||',
    );
    expect(output.rejected).toEqual([
      { line: 2, field: 'event', reason: 'COMPLETEAGENT for call 1.1, which was never connected' },
      { line: 3, field: 'queue', reason: 'CONNECT in queue loans for call 1.1 in queue cards' },
      {
        line: 5,
        field: 'event',
        reason: 'second CONNECT for call 1.1, already answered 2024-06-01T08:00:07.000Z',
      },
      {
        line: 6,
        field: 'event',
        reason: 'ABANDON for call 1.1 after it was answered 2024-06-01T08:00:07.000Z',
      },
      {
        line: 8,
        field: 'event',
        reason: 'COMPLETEAGENT for call 1.1 after it ended 2024-06-01T08:01:09.000Z (line 7)',
      },
    ]);
    expect(output.contacts).toMatchObject([{ externalId: '1.1', agent: '1042', endedAt: utc('08:01:09') }]);
  });

  it('ignores a COMPLETE* logged after a TRANSFER has ended the entry', () => {
    const output = parse(
      '1717228800|1.1|cards|NONE|ENTERQUEUE||123|1||',
      '1717228810|1.1|cards|PJSIP/1042|CONNECT|10|1.19|2||',
      '1717228850|1.1|cards|PJSIP/1042|BLINDTRANSFER|2000|from-internal|10|40|1',
      '1717228850|1.1|cards|PJSIP/1042|COMPLETECALLER|10|40|1||',
    );
    expect(output.rejected).toEqual([]);
    expect(output.contacts).toMatchObject([{ externalId: '1.1', transferred: true, outcome: 'ANSWERED' }]);
  });

  it('rejects an entry whose end line is missing when its call enters a queue again', () => {
    const output = parse(
      '1717228800|1.1|sales|NONE|ENTERQUEUE||123|1||',
      '1717228900|1.1|overflow|NONE|ENTERQUEUE||123|1||',
      '1717228905|1.1|overflow|NONE|ABANDON|1|1|5||',
    );
    expect(output.rejected).toEqual([
      {
        line: 1,
        field: 'event',
        reason:
          'call 1.1 (queue sales, entered 2024-06-01T08:00:00.000Z) never ended: it entered queue overflow on line 2 with no end line first',
      },
    ]);
    expect(output.contacts).toMatchObject([{ externalId: '1.1#2', queue: 'overflow', outcome: 'ABANDONED' }]);
  });

  it('rejects an ENTERQUEUE with no call id, no queue or no caller ID field', () => {
    const output = parse(
      '1717228800|NONE|cards|NONE|ENTERQUEUE||123|1||',
      '1717228800|1.2|NONE|NONE|ENTERQUEUE||123|1||',
      '1717228800|1.3|cards|NONE|ENTERQUEUE|',
    );
    expect(output.rejected).toEqual([
      { line: 1, field: 'callid', reason: 'ENTERQUEUE without a call id' },
      { line: 2, field: 'queue', reason: 'ENTERQUEUE without a queue name' },
      { line: 3, field: 'line', reason: 'ENTERQUEUE needs url|callerid data, found 1 data field(s)' },
    ]);
    expect(output.contacts).toEqual([]);
  });

  it('rejects a member line that names no agent', () => {
    expect(parse('1717228800|NONE|cards|NONE|PAUSE|lunch').rejected).toEqual([
      { line: 1, field: 'agent', reason: 'PAUSE without an agent' },
    ]);
  });

  it('ignores queue-level and unknown events silently', () => {
    const output = parse(
      '1717228790|NONE|NONE|NONE|QUEUESTART|',
      '1717228791|NONE|NONE|NONE|CONFIGRELOAD|',
      '1717228792|1.1|cards|NONE|DID|4008001234',
      '1717228793|1.1|cards|PJSIP/1042|RINGCANCELED|1200',
      '1717228794|NONE|cards|NONE|constructor|',
      '1717228795|1.1|cards|NONE|SOMETHINGNEW|a|b|c|d|e|f',
    );
    expect(output).toEqual({ contacts: [], agentStates: [], rejected: [] });
  });

  it('reports an answered call left open at the end with its answer time', () => {
    const [enter, connect] = answeredCall('1.1');
    expect(parse(enter, connect).rejected).toEqual([
      {
        line: 1,
        field: 'event',
        reason:
          'call 1.1 (queue cards, entered 2024-06-01T08:00:00.000Z, answered 2024-06-01T08:00:10.000Z) never ended in this file',
      },
    ]);
  });
});
