import { QueueLogAgentActivity, type MemberLine } from './queue-log-agent-activity';
import { agentState, SOURCE, utc } from './queue-log-test-records';

const member = (
  change: MemberLine['change'],
  time: string,
  fields: Partial<MemberLine> = {},
): MemberLine => ({
  change,
  agent: '1042',
  at: utc(time),
  queue: 'cards',
  reason: null,
  addedPaused: false,
  ...fields,
});

describe('QueueLogAgentActivity', () => {
  it('keeps an agent of several queues logged in until they leave the last one', () => {
    const activity = new QueueLogAgentActivity(SOURCE);
    expect(activity.member(member('LOGIN', '08:00:00'))).toHaveLength(2);
    expect(activity.member(member('LOGIN', '08:00:05', { queue: 'loans' }))).toEqual([]);
    expect(activity.member(member('PAUSE', '09:00:00', { reason: 'training' }))).toEqual([
      agentState('1042', utc('09:00:00'), 'NOT_READY', 'cards', 'training'),
    ]);
    // joining a third queue while paused does not make the agent available
    expect(activity.member(member('LOGIN', '09:10:00', { queue: 'fraud' }))).toEqual([]);
    expect(activity.member(member('LOGOFF', '10:00:00'))).toEqual([]);
    expect(activity.member(member('LOGOFF', '10:00:01', { queue: 'fraud' }))).toEqual([]);
    expect(activity.member(member('LOGOFF', '10:00:02', { queue: 'loans' }))).toEqual([
      agentState('1042', utc('10:00:02'), 'LOGGED_OUT', 'loans'),
    ]);
    // after the last queue, the next join logs in afresh
    expect(activity.member(member('LOGIN', '11:00:00'))).toHaveLength(2);
  });

  it('logs in available, or not ready when added paused', () => {
    const activity = new QueueLogAgentActivity(SOURCE);
    expect(activity.member(member('LOGIN', '08:00:00'))).toEqual([
      agentState('1042', utc('08:00:00'), 'LOGGED_IN', 'cards'),
      agentState('1042', utc('08:00:00'), 'AVAILABLE', 'cards'),
    ]);
    expect(activity.member(member('LOGIN', '08:00:01', { agent: '2001', addedPaused: true }))).toEqual([
      agentState('2001', utc('08:00:01'), 'LOGGED_IN', 'cards'),
      agentState('2001', utc('08:00:01'), 'NOT_READY', 'cards'),
    ]);
  });

  it('holds a pause pressed during a call until the call ends', () => {
    const activity = new QueueLogAgentActivity(SOURCE);
    expect(activity.connected('1042', utc('08:00:00'), 'cards')).toEqual([
      agentState('1042', utc('08:00:00'), 'ON_CONTACT', 'cards'),
    ]);
    expect(activity.member(member('PAUSE', '08:01:00', { reason: 'lunch' }))).toEqual([]);
    expect(activity.released('1042', utc('08:02:00'), 'cards')).toEqual([
      agentState('1042', utc('08:02:00'), 'NOT_READY', 'cards', 'lunch'),
    ]);
    expect(activity.agentsOnContact).toBe(0);
  });

  it('lets an unpause during the same call cancel the held pause', () => {
    const activity = new QueueLogAgentActivity(SOURCE);
    activity.connected('1042', utc('08:00:00'), 'cards');
    activity.member(member('PAUSE', '08:01:00', { reason: 'lunch' }));
    expect(activity.member(member('UNPAUSE', '08:01:30'))).toEqual([]);
    expect(activity.released('1042', utc('08:02:00'), 'cards')).toEqual([
      agentState('1042', utc('08:02:00'), 'AVAILABLE', 'cards'),
    ]);
  });

  it('stays on contact until the last of two simultaneous calls ends', () => {
    const activity = new QueueLogAgentActivity(SOURCE);
    activity.connected('1042', utc('08:00:00'), 'cards');
    activity.connected('1042', utc('08:00:30'), 'loans');
    expect(activity.released('1042', utc('08:01:00'), 'cards')).toEqual([]);
    expect(activity.released('1042', utc('08:02:00'), 'loans')).toEqual([
      agentState('1042', utc('08:02:00'), 'AVAILABLE', 'loans'),
    ]);
  });

  it('logs out at once during a call and says nothing when that call ends', () => {
    const activity = new QueueLogAgentActivity(SOURCE);
    activity.connected('1042', utc('08:00:00'), 'cards');
    expect(activity.member(member('LOGOFF', '08:01:00'))).toEqual([
      agentState('1042', utc('08:01:00'), 'LOGGED_OUT', 'cards'),
    ]);
    expect(activity.released('1042', utc('08:02:00'), 'cards')).toEqual([]);
    expect(activity.agentsOnContact).toBe(0);
  });

  it('forgets a dropped call without an event', () => {
    const activity = new QueueLogAgentActivity(SOURCE);
    activity.connected('1042', utc('08:00:00'), 'cards');
    activity.dropped('1042');
    expect(activity.agentsOnContact).toBe(0);
    expect(activity.member(member('PAUSE', '08:03:00'))).toEqual([
      agentState('1042', utc('08:03:00'), 'NOT_READY', 'cards'),
    ]);
  });
});
