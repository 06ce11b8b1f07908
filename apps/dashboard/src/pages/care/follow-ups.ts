import { addDays, localDay, localMidnight } from '@switchboard/metrics';

/** Where an unkept promise stands for whoever follows it up. */
export type FollowUpBucket = 'overdueNow' | 'dueToday' | 'openLater';

export interface UnkeptPromise {
  ownerEmployeeNo: string;
  /** OPEN, FULFILLED, FULFILLED_LATE or BROKEN, as care computes it now */
  status: string;
  dueAt: string;
  escalationLevel?: number | null;
}

/**
 * Overdue: broken (due passed, not kept); due today: open and due before the next local midnight
 * of the center's zone; the rest later. Kept promises are in no bucket.
 */
export function followUpBucket(
  promise: UnkeptPromise,
  timeZone: string,
  now: Date = new Date(),
): FollowUpBucket | null {
  if (promise.status === 'BROKEN') return 'overdueNow';
  if (promise.status !== 'OPEN') return null;
  const endOfToday = localMidnight(addDays(localDay(now, timeZone), 1), timeZone);
  return Date.parse(promise.dueAt) < endOfToday.getTime() ? 'dueToday' : 'openLater';
}

export interface AgentFollowUps {
  employeeNo: string;
  overdueNow: number;
  dueToday: number;
  openLater: number;
  /** The highest escalation level fired on any of their unkept promises (null: none fired) */
  highestLevel: number | null;
}

/** Per promiser: how many are overdue, due today and later; most overdue first, then employee no. */
export function followUpsByAgent(
  promises: readonly UnkeptPromise[],
  timeZone: string,
  now: Date = new Date(),
): AgentFollowUps[] {
  const rows = new Map<string, AgentFollowUps>();
  for (const p of promises) {
    const bucket = followUpBucket(p, timeZone, now);
    if (!bucket) continue;
    const row = rows.get(p.ownerEmployeeNo) ?? {
      employeeNo: p.ownerEmployeeNo,
      overdueNow: 0,
      dueToday: 0,
      openLater: 0,
      highestLevel: null,
    };
    row[bucket] += 1;
    if (p.escalationLevel != null) row.highestLevel = Math.max(row.highestLevel ?? 0, p.escalationLevel);
    rows.set(p.ownerEmployeeNo, row);
  }
  return [...rows.values()].sort(
    (a, b) => b.overdueNow - a.overdueNow || a.employeeNo.localeCompare(b.employeeNo),
  );
}

/** The roles care lets hand a follow-up to another agent from this page (lead: team; manager: center). */
export const FOLLOW_UP_REASSIGNERS = ['TEAM_LEAD', 'CENTER_MANAGER', 'ADMIN'] as const;

export function mayReassignFollowUps(roles: readonly string[]): boolean {
  return roles.some((role) => (FOLLOW_UP_REASSIGNERS as readonly string[]).includes(role));
}

export interface AssignableAgent {
  employeeNo: string;
  displayName: string;
  center: { id: string } | null;
}

/**
 * Whom a follow-up may go to: the agents the caller may assign to (staff's answer, already scoped)
 * who work in the promise's center (care keeps a promise in its center), its owner aside, by number.
 */
export function assignableFor(
  agents: readonly AssignableAgent[],
  promise: { centerId: string; ownerEmployeeNo: string },
): AssignableAgent[] {
  return agents
    .filter((a) => a.center?.id === promise.centerId && a.employeeNo !== promise.ownerEmployeeNo)
    .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
}
