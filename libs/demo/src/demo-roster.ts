import { demoCenterId } from './demo-ids';
import { pick, seededRandom } from './random';

/**
 * The demo call-center organisation, as plain data. Every subgraph seeds its own tables from this
 * (staff its roster; traffic, QA and training their records for the same employee numbers), so no
 * subgraph reads another's database to build the demo.
 */
export interface DemoCenter {
  /** Fixed (demoCenterId of the code): other subgraphs' demo data refers to it. */
  id: string;
  code: string;
  name: string;
  timeZone: string;
  kind: 'PERMANENT' | 'TEMPORARY';
  activeFrom: string | null;
  activeTo: string | null;
}

export interface DemoTeam {
  code: string;
  name: string;
  centerCode: string;
  /** Skill codes the team's agents are routed by. */
  focus: string[];
}

export interface DemoAgent {
  employeeNo: string;
  displayName: string;
  role: 'AGENT' | 'SENIOR_AGENT' | 'TEAM_LEAD' | 'QA_EVALUATOR' | 'TRAINER' | 'CENTER_MANAGER';
  careerLevel: number;
  status: 'ACTIVE' | 'ON_LEAVE' | 'TERMINATED';
  hireDate: string;
  terminationDate: string | null;
  email: string;
  phone: string;
  nationalId: string;
  skills: { code: string; proficiency: number }[];
  /** Team assignments, oldest first; `to` is exclusive. */
  teams: { teamCode: string; from: string; to: string | null }[];
}

export interface DemoSkill {
  code: string;
  name: string;
}

export interface DemoRoster {
  centers: DemoCenter[];
  teams: DemoTeam[];
  skills: DemoSkill[];
  agents: DemoAgent[];
}

export const DEMO_SEED = 20261123;

const SKILLS: DemoSkill[] = [
  { code: 'CARDS', name: 'Credit and debit cards' },
  { code: 'LOANS', name: 'Personal loans and mortgages' },
  { code: 'DEPOSITS', name: 'Accounts and deposits' },
  { code: 'WEALTH', name: 'Wealth management' },
  { code: 'FRAUD', name: 'Fraud and disputes' },
  { code: 'COMPLAINTS', name: 'Complaint handling' },
  { code: 'MANDARIN', name: 'Mandarin' },
  { code: 'CANTONESE', name: 'Cantonese' },
  { code: 'ENGLISH', name: 'English' },
  { code: 'CHAT', name: 'Chat and messaging channels' },
];

const CENTERS: DemoCenter[] = [
  {
    id: demoCenterId('SHA-01'),
    code: 'SHA-01',
    name: 'Shanghai Contact Center',
    timeZone: 'Asia/Shanghai',
    kind: 'PERMANENT',
    activeFrom: '2015-03-01',
    activeTo: null,
  },
  {
    id: demoCenterId('CTU-T1'),
    code: 'CTU-T1',
    name: 'Chengdu Card Campaign',
    timeZone: 'Asia/Shanghai',
    kind: 'TEMPORARY',
    activeFrom: '2026-09-01',
    activeTo: '2027-02-28',
  },
];

const TEAMS: DemoTeam[] = [
  { code: 'SHA-CARDS-1', name: 'Cards 1', centerCode: 'SHA-01', focus: ['CARDS', 'MANDARIN'] },
  { code: 'SHA-CARDS-2', name: 'Cards 2', centerCode: 'SHA-01', focus: ['CARDS', 'ENGLISH'] },
  { code: 'SHA-LOANS', name: 'Loans', centerCode: 'SHA-01', focus: ['LOANS', 'MANDARIN'] },
  { code: 'SHA-DEPOSITS', name: 'Deposits', centerCode: 'SHA-01', focus: ['DEPOSITS', 'MANDARIN'] },
  { code: 'SHA-WEALTH', name: 'Wealth', centerCode: 'SHA-01', focus: ['WEALTH', 'ENGLISH'] },
  { code: 'SHA-FRAUD', name: 'Fraud and disputes', centerCode: 'SHA-01', focus: ['FRAUD', 'COMPLAINTS'] },
  { code: 'SHA-DIGITAL', name: 'Digital channels', centerCode: 'SHA-01', focus: ['CHAT', 'DEPOSITS'] },
  { code: 'SHA-CANTON', name: 'Cantonese line', centerCode: 'SHA-01', focus: ['CANTONESE', 'CARDS'] },
  { code: 'CTU-CAMP-1', name: 'Campaign A', centerCode: 'CTU-T1', focus: ['CARDS', 'MANDARIN'] },
  { code: 'CTU-CAMP-2', name: 'Campaign B', centerCode: 'CTU-T1', focus: ['CARDS', 'CHAT'] },
];

const FAMILY = [
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Chen',
  'Yang',
  'Huang',
  'Zhao',
  'Wu',
  'Zhou',
  'Xu',
  'Sun',
  'Ma',
  'Zhu',
  'Hu',
  'Guo',
  'He',
  'Lin',
  'Gao',
  'Luo',
];
const GIVEN = [
  'Wei',
  'Fang',
  'Na',
  'Min',
  'Jing',
  'Li',
  'Qiang',
  'Lei',
  'Jun',
  'Yang',
  'Yan',
  'Jie',
  'Tao',
  'Ming',
  'Chao',
  'Xiu',
  'Hui',
  'Ling',
  'Bo',
  'Yu',
  'Hao',
  'Xin',
  'Ting',
  'Kai',
];

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function daysBefore(reference: string, days: number): string {
  const d = new Date(`${reference}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return isoDate(d);
}

/** The demo roster: 2 centers (one temporary), 10 teams, 200 agents with skills and history. */
export function demoRoster(seed = DEMO_SEED, agentsPerTeam = 20, today = isoDate(new Date())): DemoRoster {
  const random = seededRandom(seed);
  const agents: DemoAgent[] = [];
  let number = 10001;
  for (const team of TEAMS) {
    const center = CENTERS.find((c) => c.code === team.centerCode) as DemoCenter;
    const earliest = center.activeFrom ?? '2015-01-01';
    for (let i = 0; i < agentsPerTeam; i += 1) {
      const employeeNo = `E${number}`;
      number += 1;
      const role: DemoAgent['role'] =
        i === 0
          ? 'TEAM_LEAD'
          : i === 1 && team.centerCode === 'SHA-01'
            ? 'QA_EVALUATOR'
            : i < 6
              ? 'SENIOR_AGENT'
              : 'AGENT';
      const maxTenure = Math.max(30, Math.round((Date.parse(today) - Date.parse(earliest)) / 86_400_000));
      const tenure = Math.floor(random() * Math.min(maxTenure, role === 'AGENT' ? 1500 : 3000)) + 14;
      const hireDate = [daysBefore(today, tenure), earliest].sort().at(-1) as string;
      const family = pick(random, FAMILY);
      const given = pick(random, GIVEN);
      const skills = [
        ...team.focus.map((code) => ({ code, proficiency: 2 + Math.floor(random() * 4) })),
        ...(random() < 0.3
          ? [
              {
                code: pick(random, ['ENGLISH', 'COMPLAINTS', 'CHAT']),
                proficiency: 1 + Math.floor(random() * 3),
              },
            ]
          : []),
      ].filter((s, idx, all) => all.findIndex((o) => o.code === s.code) === idx);
      const roll = random();
      const status: DemoAgent['status'] =
        i > 2 && roll < 0.04 ? 'TERMINATED' : i > 2 && roll < 0.08 ? 'ON_LEAVE' : 'ACTIVE';
      let terminationDate = status === 'TERMINATED' ? daysBefore(today, Math.floor(random() * 60) + 1) : null;
      const teams: DemoAgent['teams'] = [];
      // A few agents moved in from a sister team about two months ago: the history must show it.
      const moved = team.centerCode === 'SHA-01' && i > 5 && random() < 0.1;
      if (moved && tenure > 120) {
        const sister = TEAMS.filter((t) => t.centerCode === 'SHA-01' && t.code !== team.code);
        const movedOn = daysBefore(today, 45 + Math.floor(random() * 30));
        teams.push({ teamCode: pick(random, sister).code, from: hireDate, to: movedOn });
        teams.push({ teamCode: team.code, from: movedOn, to: null });
      } else {
        teams.push({ teamCode: team.code, from: hireDate, to: null });
      }
      if (terminationDate) {
        const last = teams[teams.length - 1];
        terminationDate = [terminationDate, last.from].sort().at(-1) as string;
        last.to = daysBefore(terminationDate, -1);
      }
      agents.push({
        employeeNo,
        displayName: `${family} ${given}`,
        role,
        careerLevel:
          role === 'TEAM_LEAD'
            ? 5 + Math.floor(random() * 2)
            : role === 'AGENT'
              ? 1 + Math.floor(random() * 3)
              : 3 + Math.floor(random() * 2),
        status,
        hireDate,
        terminationDate,
        email: `${given}.${family}.${employeeNo}`.toLowerCase() + '@bank.example',
        phone: `+86 139 ${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
        nationalId: `3101${String(Math.floor(random() * 1e14)).padStart(14, '0')}`,
        skills,
        teams,
      });
    }
  }
  return { centers: CENTERS, teams: TEAMS, skills: SKILLS, agents };
}
