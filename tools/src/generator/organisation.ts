import {
  DAY_MS,
  demoCenterId,
  demoQueueModels,
  demoRoster,
  shanghaiClock,
  WEEKDAY_FACTOR,
  type DemoAgent,
  type DemoQueueModel,
  type DemoRoster,
} from '@switchboard/demo';

/** Agents per team in the demo organisation, at which a site's traffic is the demo's (scale 1). */
export const DEMO_AGENTS_PER_TEAM = 20;

/**
 * Sites: copies of the demo organisation (a permanent center and a campaign center, 10 teams with
 * their skills, 10 queues on voice, chat and WeChat). Site 1 keeps the demo's codes and employee
 * numbers, so its files match what `npm start` seeds; site k adds `-K<k>` to every code.
 */
export interface GeneratedOrganisation {
  roster: DemoRoster;
  models: DemoQueueModel[];
}

const siteCode = (code: string, site: number): string => (site === 1 ? code : `${code}-K${site}`);

function renumbered(agent: DemoAgent, site: number, employeeNo: string): DemoAgent {
  return {
    ...agent,
    employeeNo,
    email: agent.email.replace(agent.employeeNo.toLowerCase(), employeeNo.toLowerCase()),
    teams: agent.teams.map((t) => ({ ...t, teamCode: siteCode(t.teamCode, site) })),
  };
}

export function generatedOrganisation(options: {
  sites: number;
  agentsPerTeam: number;
  seed: number;
  /** The roster's "today" (hire dates, leavers): the last day of the generated window. */
  today: string;
}): GeneratedOrganisation {
  const roster: DemoRoster = { centers: [], teams: [], skills: [], agents: [] };
  const models: DemoQueueModel[] = [];
  let number = 10001;
  for (let site = 1; site <= options.sites; site += 1) {
    const demo = demoRoster(options.seed + site - 1, options.agentsPerTeam, options.today);
    roster.skills = demo.skills;
    roster.centers.push(
      ...demo.centers.map((c) => ({
        ...c,
        code: siteCode(c.code, site),
        id: demoCenterId(siteCode(c.code, site)),
      })),
    );
    roster.teams.push(
      ...demo.teams.map((t) => ({
        ...t,
        code: siteCode(t.code, site),
        centerCode: siteCode(t.centerCode, site),
      })),
    );
    for (const agent of demo.agents) roster.agents.push(renumbered(agent, site, `E${number++}`));
    models.push(
      ...demoQueueModels().map((m) => ({
        ...m,
        code: siteCode(m.code, site),
        centerCode: siteCode(m.centerCode, site),
        teamCodes: m.teamCodes.map((t) => siteCode(t, site)),
      })),
    );
  }
  return { roster, models };
}

/** Contacts the queue models expect at scale 1 over the window (campaign days averaged in). */
export function expectedContacts(
  models: readonly DemoQueueModel[],
  roster: DemoRoster,
  from: Date,
  days: number,
): number {
  let total = 0;
  for (let d = 0; d < days; d += 1) {
    const clock = shanghaiClock(from.getTime() + d * DAY_MS + DAY_MS / 2);
    const date = new Date(clock.day * DAY_MS).toISOString().slice(0, 10);
    for (const model of models) {
      const center = roster.centers.find((c) => c.code === model.centerCode);
      const open =
        !!center &&
        (!center.activeFrom || center.activeFrom <= date) &&
        (!center.activeTo || date <= center.activeTo);
      // Campaign queues: 30% of days at 2-3x (2.5x on average).
      if (open) total += model.dailyVolume * WEEKDAY_FACTOR[clock.weekday] * (model.campaign ? 1.45 : 1);
    }
  }
  return total;
}
