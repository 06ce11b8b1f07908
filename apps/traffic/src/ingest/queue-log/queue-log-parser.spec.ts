import { parseQueueLog, QueueLogParser } from './queue-log-parser';
import { agentState, SOURCE, utc, voiceContact } from './queue-log-test-records';

/**
 * A morning in a small center, hand-written as Asterisk writes it: queues cards, loans, sales and
 * overflow; members PJSIP/1042, Agent/2001, SIP/3003 and Local/4004@agents/n. Lines 8-9 and 15
 * use the old single-data-field layout, the rest the padded data1..data5 one. 2024-06-01, UTC:
 * 1717228800 is 08:00:00.
 */
const LOG = [
  /*  1 */ '1717228790|NONE|NONE|NONE|QUEUESTART|',
  /*  2 */ '1717228795|MANAGER|cards|PJSIP/1042|ADDMEMBER|',
  /*  3 */ '1717228796|1717228796.5|NONE|Agent/2001|AGENTLOGIN|SIP/2001-00000003',
  /*  4 */ '1717228797|MANAGER|loans|SIP/3003|ADDMEMBER|',
  /*  5 */ '1717228798|MANAGER|cards|Local/4004@agents/n|ADDMEMBER|PAUSED',
  /*  6 */ '1717228800|1717228800.101|cards|NONE|ENTERQUEUE||13800138000|1||',
  /*  7 */ '1717228812|1717228800.101|cards|PJSIP/1042|CONNECT|12|1717228812.102|3||',
  /*  8 */ '1717228830|1717228830.110|loans|NONE|ENTERQUEUE||13900139000',
  /*  9 */ '1717228835|1717228830.110|loans|SIP/3003|CONNECT|5',
  /* 10 */ '1717228860|1717228860.120|cards|NONE|ENTERQUEUE||anonymous|2||',
  /* 11 */ '1717228863|1717228860.120|cards|NONE|ABANDON|2|2|3||',
  /* 12 */ '1717228870|1717228870.125|cards|NONE|ENTERQUEUE|||2||',
  /* 13 */ '1717228920|1717228920.130|sales|NONE|DID|4008001234',
  /* 14 */ '1717228920|1717228920.130|sales|NONE|ENTERQUEUE||13700137000|1||',
  /* 15 */ '1717228925|1717228830.110|loans|SIP/3003|COMPLETECALLER|5|90|1',
  /* 16 */ '1717228990|1717228870.125|cards|NONE|ABANDON|2|2|120||',
  /* 17 */ '1717228992|1717228800.101|cards|PJSIP/1042|COMPLETEAGENT|12|180|1||',
  /* 18 */ '1717229030|MANAGER|loans|SIP/3003|REMOVEMEMBER|',
  /* 19 */ '1717229040|1717229040.135|loans|NONE|ENTERQUEUE||13600136000|1||',
  /* 20 */ '1717229041|1717229040.135|loans|NONE|EXITEMPTY|1|1|1||',
  /* 21 */ '1717229100|NONE|cards|Local/4004@agents/n|UNPAUSE|',
  /* 22 */ '1717229100|1717229100.138|cards|NONE|ENTERQUEUE||13500135000|1||',
  /* 23 */ '1717229130|1717229100.138|cards|NONE|EXITWITHKEY|1|1|1|30|',
  /* 24 */ '1717229145|1717229145.140|cards|NONE|ENTERQUEUE||13400134000|1||',
  /* 25 */ '1717229160|1717229160.145|cards|NONE|ENTERQUEUE||13300133000|2||',
  /* 26 */ '1717229160|1717229145.140|cards|PJSIP/1042|RINGNOANSWER|15000||||',
  /* 27 */ '1717229165|1717229145.140|cards|Local/4004@agents/n|CONNECT|20|1717229160.141|5||',
  /* 28 */ '1717229168|1717229160.145|cards|PJSIP/1042|CONNECT|8|1717229160.146|3||',
  /* 29 */ '1717229220|NONE|cards|PJSIP/1042|PAUSE|break||||',
  /* 30 */ '1717229220|1717228920.130|sales|NONE|EXITWITHTIMEOUT|1|1|300||',
  /* 31 */ '1717229220|1717228920.130|overflow|NONE|ENTERQUEUE||13700137000|1||',
  /* 32 */ '1717229240|1717228920.130|overflow|Agent/2001|CONNECT|20|1717229220.150|2||',
  /* 33 */ '1717229263|1717229160.145|cards|PJSIP/1042|TRANSFER|2000|from-internal|8|95|1',
  /* 34 */ '1717229270|1717229270.150|cards|NONE|ENTERQUEUE||13200132000|1||',
  /* 35 */ '1717229275|NONE|cards|PJSIP/1042|UNPAUSE|||||',
  /* 36 */ '1717229280|1717229270.150|cards|PJSIP/1042|CONNECT|10|1717229275.151|2||',
  /* 37 */ '1717229340|1717229270.150|cards|PJSIP/1042|ATTENDEDTRANSFER|LINK|PJSIP/1042-00000021|PJSIP/2000-00000022|10|60|1',
  /* 38 */ '1717229345|1717229145.140|cards|Local/4004@agents/n|COMPLETEAGENT|20|180|1||',
  /* 39 */ '1717229400|1717228920.130|overflow|Agent/2001|COMPLETEAGENT|20|160|1||',
  /* 40 */ '1717229430|NONE|NONE|Agent/2001|PAUSEALL|Training||||',
  /* 41 */ '1717229440|NONE|NONE|NONE|CONFIGRELOAD|',
  /* 42 */ '1717229460|1717229460.160|cards|NONE|ENTERQUEUE||13100131000|1||',
  /* 43 */ '1717229520|1717228796.5|NONE|Agent/2001|AGENTLOGOFF|SIP/2001-00000003|724',
];

const TEXT = `${LOG.join('\n')}\n`;

describe('parseQueueLog on a hand-written morning', () => {
  const output = parseQueueLog(TEXT, { source: SOURCE });

  it('emits one contact per queue entry, in the order the entries end', () => {
    expect(output.contacts).toEqual([
      // 11: short abandon (3 s), caller ID withheld
      voiceContact({
        externalId: '1717228860.120',
        queue: 'cards',
        agent: null,
        customerKey: null,
        arrivedAt: utc('08:01:00'),
        answeredAt: null,
        endedAt: utc('08:01:03'),
        outcome: 'ABANDONED',
      }),
      // 15: old layout, SIP member, the caller hung up
      voiceContact({
        externalId: '1717228830.110',
        queue: 'loans',
        agent: '3003',
        customerKey: '13900139000',
        arrivedAt: utc('08:00:30'),
        answeredAt: utc('08:00:35'),
        endedAt: utc('08:02:05'),
        outcome: 'ANSWERED',
      }),
      // 16: long abandon (120 s), no caller ID
      voiceContact({
        externalId: '1717228870.125',
        queue: 'cards',
        agent: null,
        customerKey: null,
        arrivedAt: utc('08:01:10'),
        answeredAt: null,
        endedAt: utc('08:03:10'),
        outcome: 'ABANDONED',
      }),
      // 17: PJSIP member, the agent hung up
      voiceContact({
        externalId: '1717228800.101',
        queue: 'cards',
        agent: '1042',
        customerKey: '13800138000',
        arrivedAt: utc('08:00:00'),
        answeredAt: utc('08:00:12'),
        endedAt: utc('08:03:12'),
        outcome: 'ANSWERED',
      }),
      // 20: no member left in loans
      voiceContact({
        externalId: '1717229040.135',
        queue: 'loans',
        agent: null,
        customerKey: '13600136000',
        arrivedAt: utc('08:04:00'),
        answeredAt: null,
        endedAt: utc('08:04:01'),
        outcome: 'OVERFLOW',
      }),
      // 23: the caller pressed 1 to leave
      voiceContact({
        externalId: '1717229100.138',
        queue: 'cards',
        agent: null,
        customerKey: '13500135000',
        arrivedAt: utc('08:05:00'),
        answeredAt: null,
        endedAt: utc('08:05:30'),
        outcome: 'ABANDONED',
      }),
      // 30: sales timed out; the same call goes on to overflow (line 31)
      voiceContact({
        externalId: '1717228920.130',
        queue: 'sales',
        agent: null,
        customerKey: '13700137000',
        arrivedAt: utc('08:02:00'),
        answeredAt: null,
        endedAt: utc('08:07:00'),
        outcome: 'OVERFLOW',
      }),
      // 33: blind transfer to 2000
      voiceContact({
        externalId: '1717229160.145',
        queue: 'cards',
        agent: '1042',
        customerKey: '13300133000',
        arrivedAt: utc('08:06:00'),
        answeredAt: utc('08:06:08'),
        endedAt: utc('08:07:43'),
        outcome: 'ANSWERED',
        transferred: true,
      }),
      // 37: attended transfer, LINK form with six data parts
      voiceContact({
        externalId: '1717229270.150',
        queue: 'cards',
        agent: '1042',
        customerKey: '13200132000',
        arrivedAt: utc('08:07:50'),
        answeredAt: utc('08:08:00'),
        endedAt: utc('08:09:00'),
        outcome: 'ANSWERED',
        transferred: true,
      }),
      // 38: 1042 rang without answering (26), the Local member took it (27)
      voiceContact({
        externalId: '1717229145.140',
        queue: 'cards',
        agent: '4004',
        customerKey: '13400134000',
        arrivedAt: utc('08:05:45'),
        answeredAt: utc('08:06:05'),
        endedAt: utc('08:09:05'),
        outcome: 'ANSWERED',
      }),
      // 39: the overflowed call's second entry, answered by an Agent/ channel
      voiceContact({
        externalId: '1717228920.130#2',
        queue: 'overflow',
        agent: '2001',
        customerKey: '13700137000',
        arrivedAt: utc('08:07:00'),
        answeredAt: utc('08:07:20'),
        endedAt: utc('08:10:00'),
        outcome: 'ANSWERED',
      }),
    ]);
  });

  it('emits the agents’ states, holding a pause pressed during a call until the call ends', () => {
    expect(output.agentStates).toEqual([
      agentState('1042', utc('07:59:55'), 'LOGGED_IN', 'cards'),
      agentState('1042', utc('07:59:55'), 'AVAILABLE', 'cards'),
      agentState('2001', utc('07:59:56'), 'LOGGED_IN', null),
      agentState('2001', utc('07:59:56'), 'AVAILABLE', null),
      agentState('3003', utc('07:59:57'), 'LOGGED_IN', 'loans'),
      agentState('3003', utc('07:59:57'), 'AVAILABLE', 'loans'),
      agentState('4004', utc('07:59:58'), 'LOGGED_IN', 'cards'),
      agentState('4004', utc('07:59:58'), 'NOT_READY', 'cards'),
      agentState('1042', utc('08:00:12'), 'ON_CONTACT', 'cards'),
      agentState('3003', utc('08:00:35'), 'ON_CONTACT', 'loans'),
      agentState('3003', utc('08:02:05'), 'AVAILABLE', 'loans'),
      agentState('1042', utc('08:03:12'), 'AVAILABLE', 'cards'),
      agentState('3003', utc('08:03:50'), 'LOGGED_OUT', 'loans'),
      agentState('4004', utc('08:05:00'), 'AVAILABLE', 'cards'),
      agentState('4004', utc('08:06:05'), 'ON_CONTACT', 'cards'),
      agentState('1042', utc('08:06:08'), 'ON_CONTACT', 'cards'),
      agentState('2001', utc('08:07:20'), 'ON_CONTACT', 'overflow'),
      // line 29's pause (08:07:00) takes effect when the transferred call ends
      agentState('1042', utc('08:07:43'), 'NOT_READY', 'cards', 'break'),
      agentState('1042', utc('08:07:55'), 'AVAILABLE', 'cards'),
      agentState('1042', utc('08:08:00'), 'ON_CONTACT', 'cards'),
      agentState('1042', utc('08:09:00'), 'AVAILABLE', 'cards'),
      agentState('4004', utc('08:09:05'), 'AVAILABLE', 'cards'),
      agentState('2001', utc('08:10:00'), 'AVAILABLE', 'overflow'),
      agentState('2001', utc('08:10:30'), 'NOT_READY', null, 'Training'),
      agentState('2001', utc('08:12:00'), 'LOGGED_OUT', null),
    ]);
  });

  it('reports the call still waiting at the end of the file instead of guessing its end', () => {
    expect(output.rejected).toEqual([
      {
        line: 42,
        field: 'event',
        reason:
          'call 1717229460.160 (queue cards, entered 2024-06-01T08:11:00.000Z) never ended in this file',
      },
    ]);
  });
});

describe('QueueLogParser fed line by line', () => {
  it('returns each contact from the push of the line that ends it, and forgets the call', () => {
    const parser = new QueueLogParser({ source: SOURCE });
    const endedBy = new Map<number, string[]>();
    LOG.forEach((line, index) => {
      const { contacts } = parser.push(line, index + 1);
      if (contacts.length > 0)
        endedBy.set(
          index + 1,
          contacts.map((c) => c.externalId),
        );
    });
    expect(Object.fromEntries(endedBy)).toEqual({
      11: ['1717228860.120'],
      15: ['1717228830.110'],
      16: ['1717228870.125'],
      17: ['1717228800.101'],
      20: ['1717229040.135'],
      23: ['1717229100.138'],
      30: ['1717228920.130'],
      33: ['1717229160.145'],
      37: ['1717229270.150'],
      38: ['1717229145.140'],
      39: ['1717228920.130#2'],
    });
    expect(parser.openCalls).toBe(1);
    expect(parser.end().rejected.map((r) => r.line)).toEqual([42]);
    expect(parser.openCalls).toBe(0);
  });

  it('gives the same records for CRLF line endings', () => {
    expect(parseQueueLog(LOG.join('\r\n'), { source: SOURCE })).toEqual(
      parseQueueLog(TEXT, { source: SOURCE }),
    );
  });
});
