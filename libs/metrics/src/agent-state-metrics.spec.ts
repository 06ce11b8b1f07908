import { adherence, occupancy, utilization, type AgentStateTotals } from './agent-state-metrics';

// An 8-hour login: 5 h on contact, 1 h ACW, 1.5 h available, 0.5 h not ready.
const shift: AgentStateTotals = {
  onContactSeconds: 18_000,
  acwSeconds: 3_600,
  availableSeconds: 5_400,
  notReadySeconds: 1_800,
  loggedInSeconds: 28_800,
};

const idle: AgentStateTotals = {
  onContactSeconds: 0,
  acwSeconds: 0,
  availableSeconds: 0,
  notReadySeconds: 0,
  loggedInSeconds: 0,
};

describe('agent states', () => {
  it('`occupancy` = (on-contact + ACW time) / (on-contact + ACW + available time)', () => {
    expect(occupancy(shift)).toBe(0.8); // 21 600 / 27 000
  });

  it('`occupancy` leaves not-ready time out', () => {
    expect(occupancy({ ...shift, notReadySeconds: 7_200, loggedInSeconds: 34_200 })).toBe(0.8);
  });

  it('`utilization` = (on-contact + ACW time) / logged-in time', () => {
    expect(utilization(shift)).toBe(0.75); // 21 600 / 28 800
    expect(utilization({ ...idle, notReadySeconds: 1_800, loggedInSeconds: 1_800 })).toBe(0);
  });

  it('`adherence` = minutes in the scheduled state / scheduled minutes', () => {
    expect(adherence(408, 480)).toBe(0.85);
    expect(adherence(0, 480)).toBe(0);
  });

  it('returns null, not 0 or NaN, for a zero denominator', () => {
    expect(occupancy(idle)).toBeNull();
    expect(occupancy({ ...idle, notReadySeconds: 1_800, loggedInSeconds: 1_800 })).toBeNull();
    expect(utilization(idle)).toBeNull();
    expect(adherence(0, 0)).toBeNull();
  });
});
