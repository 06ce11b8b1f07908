import { DAY_MS } from './demo-traffic-workload';
import type { DemoTrafficOptions } from './demo-traffic';

/** Asia/Shanghai keeps UTC+8 all year, so its midnight is a fixed offset from UTC. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const DEMO_TRAFFIC_DAYS = 30;

/**
 * The demo month: from midnight Asia/Shanghai 30 days before today, up to today's midnight. Traffic's
 * demo seed stores the contacts of this window; QA's demo evaluates some of the same contacts, so
 * both call this with the same day.
 */
export function demoTrafficWindow(now = new Date()): DemoTrafficOptions {
  const localMidnight =
    Math.floor((now.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
  return { from: new Date(localMidnight - DEMO_TRAFFIC_DAYS * DAY_MS), days: DEMO_TRAFFIC_DAYS };
}
