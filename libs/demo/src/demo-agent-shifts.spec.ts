import { DemoShiftLog } from './demo-agent-shifts';
import type { DemoContact } from './demo-traffic';

const at = (time: string) => new Date(`2026-11-02T${time}:00Z`);

function contact(agent: string | null, answered: string | null, ended: string, acwSeconds = 60): DemoContact {
  return {
    source: 'demo',
    externalId: `${agent}-${answered}`,
    channel: 'VOICE',
    direction: 'INBOUND',
    queue: 'Q',
    agent,
    customerKey: null,
    arrivedAt: at(answered ?? ended),
    answeredAt: answered ? at(answered) : null,
    endedAt: at(ended),
    holdSeconds: 0,
    acwSeconds,
    outcome: answered ? 'ANSWERED' : 'ABANDONED',
    transferred: false,
    wrapupCode: null,
  };
}

/** One agent's events as "HH:MM STATE[ reason]", in the order they are written. */
const shown = (log: DemoShiftLog, agent = 'E1') =>
  log
    .events()
    .filter((e) => e.agent === agent)
    .map((e) => `${e.at.toISOString().slice(11, 16)} ${e.state}${e.reason ? ` ${e.reason}` : ''}`);

describe('DemoShiftLog', () => {
  it('logs an agent in before the first contact, on contact from answer to end, ACW, available between, out after the wrap-up', () => {
    const log = new DemoShiftLog();
    log.see(contact('E1', '08:00', '08:06'));
    log.see(contact('E1', '08:10', '08:14', 120)); // wrap-up to 08:16
    expect(shown(log)).toEqual([
      '07:50 LOGGED_IN',
      '07:51 AVAILABLE',
      '08:00 ON_CONTACT',
      '08:06 ACW',
      '08:07 AVAILABLE',
      '08:10 ON_CONTACT',
      '08:14 ACW',
      '08:16 AVAILABLE',
      '08:21 LOGGED_OUT',
    ]);
  });

  it('puts a 15-minute break in an idle gap of 25 minutes and a 30-minute lunch in one of 50, not ready with the reason', () => {
    const log = new DemoShiftLog();
    log.see(contact('E1', '08:00', '08:05', 0));
    log.see(contact('E1', '08:30', '08:35', 0)); // 25 idle minutes
    log.see(contact('E1', '09:35', '09:40', 0)); // 60 idle minutes
    expect(shown(log)).toEqual([
      '07:50 LOGGED_IN',
      '07:51 AVAILABLE',
      '08:00 ON_CONTACT',
      '08:05 AVAILABLE',
      '08:10 NOT_READY Break',
      '08:25 AVAILABLE',
      '08:30 ON_CONTACT',
      '08:35 AVAILABLE',
      '08:50 NOT_READY Lunch',
      '09:20 AVAILABLE',
      '09:35 ON_CONTACT',
      '09:40 AVAILABLE',
      '09:45 LOGGED_OUT',
    ]);
  });

  it('starts a new shift after 90 minutes without contacts, and keeps agents apart', () => {
    const log = new DemoShiftLog();
    log.see(contact('E1', '08:00', '08:05', 0));
    log.see(contact('E2', '08:10', '08:15', 0));
    log.see(contact('E1', '11:11', '11:20', 0)); // 186 min after 08:05: a new shift
    const states = shown(log).filter((e) => /LOGGED/.test(e));
    expect(states).toEqual(['07:50 LOGGED_IN', '08:10 LOGGED_OUT', '11:01 LOGGED_IN', '11:25 LOGGED_OUT']);
    expect(shown(log, 'E2')).toEqual([
      '08:00 LOGGED_IN',
      '08:01 AVAILABLE',
      '08:10 ON_CONTACT',
      '08:15 AVAILABLE',
      '08:20 LOGGED_OUT',
    ]);
  });

  it('keeps an agent on contact through overlapping contacts, and back on contact when one is answered during the wrap-up', () => {
    const log = new DemoShiftLog();
    log.see(contact('E1', '08:00', '08:10', 0));
    log.see(contact('E1', '08:05', '08:20', 120)); // a chat beside the first: wrap-up to 08:22
    log.see(contact('E1', '08:21', '08:30', 0)); // answered during that wrap-up
    expect(shown(log)).toEqual([
      '07:50 LOGGED_IN',
      '07:51 AVAILABLE',
      '08:00 ON_CONTACT',
      '08:20 ACW',
      '08:21 ON_CONTACT',
      '08:30 AVAILABLE',
      '08:35 LOGGED_OUT',
    ]);
  });

  it('ignores contacts no agent answered', () => {
    const log = new DemoShiftLog();
    log.see(contact(null, null, '08:01'));
    log.see(contact('E1', null, '08:01'));
    expect(log.events()).toEqual([]);
  });
});
