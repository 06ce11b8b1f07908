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

const shown = (log: DemoShiftLog) =>
  log
    .events()
    .map((e) => `${e.agent} ${e.state} ${e.at.toISOString().slice(11, 16)}`)
    .sort();

describe('DemoShiftLog', () => {
  it('logs an agent in 10 minutes before the first contact of a shift and out 5 minutes after its wrap-up', () => {
    const log = new DemoShiftLog();
    log.see(contact('E1', '08:00', '08:06'));
    log.see(contact('E1', '09:00', '09:04', 120)); // wrap-up to 09:06
    expect(shown(log)).toEqual(['E1 LOGGED_IN 07:50', 'E1 LOGGED_OUT 09:11']);
  });

  it('starts a new shift after 90 minutes without contacts, and keeps agents apart', () => {
    const log = new DemoShiftLog();
    log.see(contact('E1', '08:00', '08:05', 0));
    log.see(contact('E2', '08:10', '08:15', 0));
    log.see(contact('E1', '09:35', '09:40', 0)); // 90 min after 08:05: same shift
    log.see(contact('E1', '11:11', '11:20', 0)); // 91 min after 09:40: a new one
    expect(shown(log)).toEqual([
      'E1 LOGGED_IN 07:50',
      'E1 LOGGED_IN 11:01',
      'E1 LOGGED_OUT 09:45',
      'E1 LOGGED_OUT 11:25',
      'E2 LOGGED_IN 08:00',
      'E2 LOGGED_OUT 08:20',
    ]);
  });

  it('ignores contacts no agent answered', () => {
    const log = new DemoShiftLog();
    log.see(contact(null, null, '08:01'));
    log.see(contact('E1', null, '08:01'));
    expect(log.events()).toEqual([]);
  });
});
