import { describe, expect, it } from 'vitest';
import { assignableFor, followUpBucket, followUpsByAgent, mayReassignFollowUps } from './follow-ups';

// 2027-03-08 14:00 in Shanghai (06:00 UTC); the local day ends at 2027-03-08T16:00Z
const NOW = new Date('2027-03-08T06:00:00Z');
const ZONE = 'Asia/Shanghai';
const promise = (
  ownerEmployeeNo: string,
  status: string,
  dueAt: string,
  escalationLevel: number | null = null,
) => ({
  ownerEmployeeNo,
  status,
  dueAt,
  escalationLevel,
});

describe('follow-up buckets', () => {
  it('overdue when broken, due today until the local midnight, later after; kept in none', () => {
    expect(followUpBucket(promise('A', 'BROKEN', '2027-03-01T00:00:00Z'), ZONE, NOW)).toBe('overdueNow');
    expect(followUpBucket(promise('A', 'OPEN', '2027-03-08T15:59:59Z'), ZONE, NOW)).toBe('dueToday');
    expect(followUpBucket(promise('A', 'OPEN', '2027-03-08T16:00:00Z'), ZONE, NOW)).toBe('openLater');
    // London's day ends later (2027-03-09T00:00Z): the same due instant is still today there
    expect(followUpBucket(promise('A', 'OPEN', '2027-03-08T16:00:00Z'), 'Europe/London', NOW)).toBe(
      'dueToday',
    );
    expect(followUpBucket(promise('A', 'FULFILLED', '2027-03-08T10:00:00Z'), ZONE, NOW)).toBeNull();
    expect(followUpBucket(promise('A', 'FULFILLED_LATE', '2027-03-01T10:00:00Z'), ZONE, NOW)).toBeNull();
  });

  it('counts per agent, the most overdue first; the counts sum to the lists', () => {
    const list = [
      promise('E2', 'BROKEN', '2027-03-07T01:00:00Z', 2),
      promise('E1', 'OPEN', '2027-03-08T08:00:00Z', 0),
      promise('E2', 'BROKEN', '2027-03-06T01:00:00Z', 4),
      promise('E1', 'OPEN', '2027-03-10T08:00:00Z'),
      promise('E3', 'FULFILLED', '2027-03-08T08:00:00Z'),
    ];
    const rows = followUpsByAgent(list, ZONE, NOW);
    expect(rows).toEqual([
      { employeeNo: 'E2', overdueNow: 2, dueToday: 0, openLater: 0, highestLevel: 4 },
      { employeeNo: 'E1', overdueNow: 0, dueToday: 1, openLater: 1, highestLevel: 0 },
    ]);
    const counted = rows.reduce((n, r) => n + r.overdueNow + r.dueToday + r.openLater, 0);
    expect(counted).toBe(list.filter((p) => followUpBucket(p, ZONE, NOW) !== null).length);
  });
});

describe('reassigning a follow-up', () => {
  it('is offered to leads, managers and ADMIN, not to agents or case handlers (who change the case)', () => {
    expect(mayReassignFollowUps(['TEAM_LEAD'])).toBe(true);
    expect(mayReassignFollowUps(['AGENT', 'CENTER_MANAGER'])).toBe(true);
    expect(mayReassignFollowUps(['ADMIN'])).toBe(true);
    expect(mayReassignFollowUps(['AGENT'])).toBe(false);
    expect(mayReassignFollowUps(['CASE_HANDLER'])).toBe(false);
    expect(mayReassignFollowUps([])).toBe(false);
  });

  it("offers the agents of the promise's center, its owner aside, by number", () => {
    const agents = [
      { employeeNo: 'E3', displayName: 'Chen', center: { id: 'c1' } },
      { employeeNo: 'E1', displayName: 'Li', center: { id: 'c1' } },
      { employeeNo: 'E2', displayName: 'Wang', center: { id: 'c2' } },
      { employeeNo: 'E4', displayName: 'Zhao', center: null },
      { employeeNo: 'E5', displayName: 'Sun', center: { id: 'c1' } },
    ];
    expect(assignableFor(agents, { centerId: 'c1', ownerEmployeeNo: 'E5' }).map((a) => a.employeeNo)).toEqual(
      ['E1', 'E3'],
    );
    expect(assignableFor(agents, { centerId: 'c9', ownerEmployeeNo: 'E5' })).toEqual([]);
  });
});
