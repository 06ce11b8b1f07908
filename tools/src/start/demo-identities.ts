import type { Identity } from '@switchboard/auth';
import { demoRoster } from '@switchboard/demo';

const CENTER = 'SHA-01';

/**
 * The demo's people to sign in as (printed by `npm start`, offered by the dashboard): an admin, the
 * manager of SHA-01, the lead of its first team, HR, a case handler, a voice-of-the-customer analyst, a QA evaluator, a BI analyst and an
 * active agent of that team, named by the demo roster's employee numbers.
 */
export function demoIdentities(): Record<string, Identity> {
  const roster = demoRoster();
  const team = roster.teams.find((t) => t.centerCode === CENTER);
  if (!team) throw new Error(`the demo roster has no team in ${CENTER}`);
  const current = (role: string) =>
    roster.agents.find(
      (a) => a.role === role && a.status === 'ACTIVE' && a.teams.at(-1)?.teamCode === team.code,
    ) ?? roster.agents.find((a) => a.role === role && a.status === 'ACTIVE');
  const lead = current('TEAM_LEAD');
  const evaluator = current('QA_EVALUATOR');
  const agent = current('AGENT');
  if (!lead || !evaluator || !agent) throw new Error('the demo roster lacks a team lead, evaluator or agent');
  return {
    ADMIN: { subject: 'demo-admin', roles: ['ADMIN'], centers: [], teams: [] },
    [`CENTER_MANAGER of ${CENTER}`]: {
      subject: 'demo-manager-sha-01',
      roles: ['CENTER_MANAGER'],
      centers: [CENTER],
      teams: [],
    },
    [`TEAM_LEAD of ${team.code} (${lead.employeeNo})`]: {
      subject: `demo-${lead.employeeNo}`,
      roles: ['TEAM_LEAD'],
      centers: [CENTER],
      teams: [team.code],
      employeeNo: lead.employeeNo,
    },
    [`HR of ${CENTER}`]: { subject: 'demo-hr-sha-01', roles: ['HR'], centers: [CENTER], teams: [] },
    [`CASE_HANDLER of ${CENTER}`]: {
      subject: 'demo-case-handler-sha-01',
      roles: ['CASE_HANDLER'],
      centers: [CENTER],
      teams: [],
    },
    [`VOC_ANALYST of ${CENTER}`]: {
      subject: 'demo-voc-sha-01',
      roles: ['VOC_ANALYST'],
      centers: [CENTER],
      teams: [],
    },
    [`BI_READER of ${CENTER}`]: {
      subject: 'demo-bi-sha-01',
      roles: ['BI_READER'],
      centers: [CENTER],
      teams: [],
    },
    [`QA_EVALUATOR ${evaluator.employeeNo}`]: {
      subject: `demo-${evaluator.employeeNo}`,
      roles: ['QA_EVALUATOR'],
      centers: [CENTER],
      teams: [],
      employeeNo: evaluator.employeeNo,
    },
    [`AGENT ${agent.employeeNo}`]: {
      subject: `demo-${agent.employeeNo}`,
      roles: ['AGENT'],
      centers: [CENTER],
      teams: [team.code],
      employeeNo: agent.employeeNo,
    },
  };
}
