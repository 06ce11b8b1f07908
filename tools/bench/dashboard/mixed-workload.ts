import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, print, separateOperations } from 'graphql';
import type { Identity } from '@switchboard/auth';
import { seededRandom } from '@switchboard/demo';
import { addDays, localDay, localMidnight } from '@switchboard/metrics';

/**
 * The real morning of issue 23: many people, each with their own scope, opening the dashboard's own
 * pages (its operations, as apps/dashboard/src/api/operations.graphql sends them) over periods of 1,
 * 7 and 30 days. Every request differs from the next in caller, page or period, so in-flight
 * deduplication cannot flatter the figures.
 */

/** One page load: who asks, which dashboard operation, with what variables. */
export interface Visit {
  who: string;
  identity: Identity;
  operation: string;
  variables: Record<string, unknown>;
}

/** The organisation the workload draws from, read once through the gateway as ADMIN. */
export interface Organisation {
  centers: {
    id: string;
    code: string;
    timeZone: string;
    teams: { id: string; code: string; members: { employeeNo: string; role: string }[] }[];
  }[];
  queues: { id: string; center: { id: string } | null }[];
}

export const ORGANISATION_QUERY = `{
  centers { id code timeZone teams { id code members { employeeNo role } } }
  queues { id center { id } }
}`;

const OPERATIONS_PATH = resolve(__dirname, '..', '..', '..', 'apps/dashboard/src/api/operations.graphql');

/** Each dashboard query by name, with the fragments it uses (what the dashboard's client sends). */
export function dashboardOperations(): Record<string, string> {
  const separated = separateOperations(parse(readFileSync(OPERATIONS_PATH, 'utf8')));
  return Object.fromEntries(
    Object.entries(separated)
      .filter(([, document]) =>
        document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'query'),
      )
      .map(([name, document]) => [name, print(document)]),
  );
}

/** The demo's seeded generator (mulberry32): the same seed draws the same morning. */
export { seededRandom };

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** A period of 1, 7 or 30 whole days ending on a day of the demo month, in the center's zone. */
function period(random: () => number, timeZone: string, now: Date) {
  const days = pick(random, [1, 7, 30]);
  const today = localDay(now, timeZone);
  const toDay = addDays(today, -Math.floor(random() * Math.max(1, 30 - days)));
  const fromDay = addDays(toDay, -days);
  return {
    fromDay,
    toDay,
    from: localMidnight(fromDay, timeZone).toISOString(),
    to: localMidnight(toDay, timeZone).toISOString(),
  };
}

const TREND_DAYS = { DAY: 28, WEEK: 56, MONTH: 92 } as const;

/** The people of the morning: every center's manager and HR, every team's lead, agents of every team. */
export interface MorningPerson {
  who: string;
  identity: Identity;
  center: Organisation['centers'][number];
  team?: Organisation['centers'][number]['teams'][number];
  employeeNo?: string;
}

export function morningPeople(org: Organisation, agentsPerTeam: number): MorningPerson[] {
  const people: MorningPerson[] = [];
  for (const center of org.centers) {
    people.push({
      who: `CENTER_MANAGER of ${center.code}`,
      identity: {
        subject: `bench-manager-${center.code}`,
        roles: ['CENTER_MANAGER'],
        centers: [center.code],
        teams: [],
      },
      center,
    });
    people.push({
      who: `HR of ${center.code}`,
      identity: { subject: `bench-hr-${center.code}`, roles: ['HR'], centers: [center.code], teams: [] },
      center,
    });
    for (const team of center.teams) {
      const lead = team.members.find((m) => m.role === 'TEAM_LEAD');
      if (lead)
        people.push({
          who: `TEAM_LEAD ${lead.employeeNo}`,
          identity: {
            subject: `bench-${lead.employeeNo}`,
            roles: ['TEAM_LEAD'],
            centers: [center.code],
            teams: [team.code],
            employeeNo: lead.employeeNo,
          },
          center,
          team,
          employeeNo: lead.employeeNo,
        });
      for (const agent of team.members.filter((m) => m.role === 'AGENT').slice(0, agentsPerTeam))
        people.push({
          who: `AGENT ${agent.employeeNo}`,
          identity: {
            subject: `bench-${agent.employeeNo}`,
            roles: ['AGENT'],
            centers: [center.code],
            teams: [team.code],
            employeeNo: agent.employeeNo,
          },
          center,
          team,
          employeeNo: agent.employeeNo,
        });
      const evaluator = team.members.find((m) => m.role === 'QA_EVALUATOR');
      if (evaluator)
        people.push({
          who: `QA_EVALUATOR ${evaluator.employeeNo}`,
          identity: {
            subject: `bench-${evaluator.employeeNo}`,
            roles: ['QA_EVALUATOR'],
            centers: [center.code],
            teams: [],
            employeeNo: evaluator.employeeNo,
          },
          center,
          employeeNo: evaluator.employeeNo,
        });
    }
  }
  return people;
}

/**
 * `count` page loads drawn with `seed`: each person opens what their role lands on and drills where
 * the dashboard lets them (a manager: center overview, staffing plan, a team; a lead: the team and its
 * agents; an agent: their page; HR: compliance; a QA evaluator: the QA page).
 */
export function mixedVisits(
  org: Organisation,
  options: { seed: number; count: number; agentsPerTeam: number; now?: Date },
): { visits: Visit[]; people: number } {
  const random = seededRandom(options.seed);
  const now = options.now ?? new Date();
  const people = morningPeople(org, options.agentsPerTeam);
  const visits: Visit[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const person = pick(random, people);
    const { center } = person;
    const p = period(random, center.timeZone, now);
    const granularity = pick(random, ['DAY', 'WEEK', 'MONTH'] as const);
    const trend = { fromDay: addDays(p.toDay, -TREND_DAYS[granularity]), toDay: p.toDay, granularity };
    const role = person.identity.roles[0];
    const visit = (operation: string, variables: Record<string, unknown>): Visit => ({
      who: person.who,
      identity: person.identity,
      operation,
      variables,
    });
    if (role === 'CENTER_MANAGER') {
      const queues = org.queues.filter((q) => q.center?.id === center.id);
      const choice = random();
      if (choice < 0.5 || !center.teams.length)
        visits.push(
          visit('CenterOverview', {
            centerId: center.id,
            from: p.from,
            to: p.to,
            ...trend,
            timeZone: center.timeZone,
            dayFrom: localMidnight(addDays(p.toDay, -1), center.timeZone).toISOString(),
            dayTo: p.to,
          }),
        );
      else if (choice < 0.7 && queues.length)
        visits.push(
          visit('StaffingPlan', {
            queueId: pick(random, queues).id,
            day: addDays(p.toDay, -1),
            timeZone: center.timeZone,
          }),
        );
      else if (choice < 0.8) {
        // the search box: part of an employee number, as a manager types it
        const someone = pick(random, pick(random, center.teams).members).employeeNo;
        visits.push(visit('AgentSearch', { text: someone.slice(0, 4), employeeNos: [someone] }));
      } else
        visits.push(
          visit('TeamDrilldown', { teamId: pick(random, center.teams).id, from: p.from, to: p.to }),
        );
    } else if (role === 'TEAM_LEAD' && person.team) {
      const members = person.team.members.filter((m) => m.role === 'AGENT');
      const choice = random();
      if (choice < 0.1)
        visits.push(visit('TeamByCode', { code: person.team.code })); // landing on their team
      else if (choice < 0.6 || !members.length)
        visits.push(visit('TeamDrilldown', { teamId: person.team.id, from: p.from, to: p.to }));
      else
        visits.push(
          visit('AgentPage', {
            employeeNo: pick(random, members).employeeNo,
            from: p.from,
            to: p.to,
            ...trend,
            timeZone: center.timeZone,
          }),
        );
    } else if (role === 'AGENT' && person.employeeNo) {
      visits.push(
        visit('AgentPage', {
          employeeNo: person.employeeNo,
          from: p.from,
          to: p.to,
          ...trend,
          timeZone: center.timeZone,
        }),
      );
    } else if (role === 'HR') {
      visits.push(
        visit('HrCompliance', {
          centerId: center.id,
          fromDay: p.fromDay,
          toDay: p.toDay,
          withinDays: pick(random, [30, 60, 90]),
          overdueLimit: 5000,
        }),
      );
    } else {
      visits.push(visit('QaPage', {}));
    }
  }
  return { visits, people: people.length };
}
