import type { EntityManager } from '@mikro-orm/postgresql';
import { DataScope, readCsvFile, type CsvSource } from '@switchboard/subgraph-kit';
import { AgentSkill } from '../agent/agent-skill.entity';
import { Agent, AgentStatus } from '../agent/agent.entity';
import { moveToTeams, type TeamMove } from '../agent/agent.service';
import { todayUtc } from '../common/validation';
import { Skill } from '../skill/skill.entity';
import { TeamMembership } from '../team/team-membership.entity';
import { Team } from '../team/team.entity';
import { parseRoster, ROSTER_CSV, type RosterProblem, type RosterRow } from './roster-csv';

export interface RosterImportResult {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  applied: boolean;
  /** Header columns the roster does not know: ignored. */
  unknownColumns: string[];
  problems: RosterProblem[];
}

interface References {
  teams: Map<string, Team>;
  skills: Map<string, Skill>;
  agents: Map<string, Agent>;
  openMemberships: Map<string, TeamMembership>;
  /** Current skills of the existing agents, by agent id. */
  agentSkills: Map<string, AgentSkill[]>;
}

const snapshot = (a: Agent): string =>
  [a.displayName, a.role, a.careerLevel, a.status, a.email, a.phone, a.nationalId].join('\u0000');

/**
 * A writer limited to some centers imports only rows of their teams' agents: a row naming a team
 * outside the scope, an agent outside it, or (for a new agent) no team at all is rejected.
 */
function outOfScope(row: RosterRow, refs: References, scope: DataScope): RosterProblem[] {
  if (scope.all) return [];
  const problem = (field: string): RosterProblem => ({
    row: row.row,
    employeeNo: row.agent.employeeNo,
    field,
    message: 'outside your access scope',
  });
  const team = row.teamCode ? refs.teams.get(row.teamCode) : undefined;
  const existing = refs.agents.get(row.agent.employeeNo);
  if (row.teamCode && !scope.seesTeam(team?.id)) return [problem('team')];
  if (existing && !scope.seesAgent(existing.employeeNo)) return [problem('employee_no')];
  if (!existing && !row.teamCode) return [problem('team')];
  return [];
}

/**
 * Imports a roster CSV: every row validated first, then all rows written in one transaction with a
 * constant number of lookups (teams, skills, agents, open assignments), whatever the file's size.
 * A file with bad rows writes nothing unless `skipInvalidRows` is set.
 */
export class RosterService {
  constructor(
    private readonly em: EntityManager,
    private readonly today: () => string = todayUtc,
  ) {}

  /** `file`: the CSV text (the GraphQL mutation) or a streamed body (POST /import/roster). */
  async import(
    file: CsvSource,
    options: { skipInvalidRows: boolean; dryRun: boolean; scope?: DataScope },
  ): Promise<RosterImportResult> {
    const csv = await readCsvFile(file, ROSTER_CSV);
    const parsed = parseRoster(csv);
    const refs = await this.loadReferences(parsed.rows);
    const problems = [...parsed.problems];
    const scope = options.scope ?? DataScope.everything();
    const valid = parsed.rows.filter((row) => {
      // outside the scope: nothing else is said about the row (not even whether its team exists)
      const denied = outOfScope(row, refs, scope);
      const own = denied.length > 0 ? denied : this.checkReferences(row, refs);
      problems.push(...own);
      return own.length === 0;
    });
    problems.sort((a, b) => a.row - b.row);
    const result = {
      read: parsed.read,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: parsed.read - valid.length,
      unknownColumns: csv.unknownColumns,
    };
    if ((problems.length > 0 && !options.skipInvalidRows) || options.dryRun) {
      return { ...result, applied: false, problems };
    }
    const counts = await this.em.transactional((em) => this.apply(em, valid, refs));
    return { ...result, ...counts, applied: true, problems };
  }

  private async loadReferences(rows: RosterRow[]): Promise<References> {
    const teamCodes = [...new Set(rows.flatMap((r) => (r.teamCode ? [r.teamCode] : [])))];
    const skillCodes = [...new Set(rows.flatMap((r) => r.agent.skills.map((s) => s.skillCode)))];
    const numbers = rows.map((r) => r.agent.employeeNo);
    const [teams, skills, agents] = await Promise.all([
      teamCodes.length ? this.em.find(Team, { code: { $in: teamCodes } }) : [],
      skillCodes.length ? this.em.find(Skill, { code: { $in: skillCodes } }) : [],
      numbers.length ? this.em.find(Agent, { employeeNo: { $in: numbers } }) : [],
    ]);
    const [open, agentSkills] = agents.length
      ? await Promise.all([
          this.em.find(TeamMembership, { agent: { $in: agents }, validTo: null }),
          this.em.find(AgentSkill, { agent: { $in: agents } }, { populate: ['skill'] }),
        ])
      : [[], []];
    const skillsByAgent = new Map<string, AgentSkill[]>();
    for (const s of agentSkills) skillsByAgent.set(s.agent.id, [...(skillsByAgent.get(s.agent.id) ?? []), s]);
    return {
      teams: new Map(teams.map((t) => [t.code, t])),
      skills: new Map(skills.map((s) => [s.code, s])),
      agents: new Map(agents.map((a) => [a.employeeNo, a])),
      openMemberships: new Map(open.map((m) => [m.agent.id, m])),
      agentSkills: skillsByAgent,
    };
  }

  private checkReferences(row: RosterRow, refs: References): RosterProblem[] {
    const problems: RosterProblem[] = [];
    const add = (field: string, message: string): void => {
      problems.push({ row: row.row, employeeNo: row.agent.employeeNo, field, message });
    };
    const existing = refs.agents.get(row.agent.employeeNo);
    if (row.teamCode && !refs.teams.has(row.teamCode)) add('team', `no team with code "${row.teamCode}"`);
    const unknown = row.agent.skills.filter((s) => !refs.skills.has(s.skillCode)).map((s) => s.skillCode);
    if (unknown.length) add('skills', `unknown skill code(s): ${unknown.join(', ')}`);
    const skillCodes = row.agent.skills.map((s) => s.skillCode);
    if (new Set(skillCodes).size !== skillCodes.length) add('skills', 'a skill is listed twice');
    if (!existing && !row.agent.hireDate) add('hire_date', 'is required for a new agent');
    if (existing?.status === AgentStatus.TERMINATED) add('employee_no', 'belongs to a terminated agent');
    const effective = row.effectiveDate ?? this.today();
    if (existing && row.effectiveDate && row.effectiveDate > this.today()) {
      add('effective_date', 'must not be in the future');
    }
    const hireDate = existing?.hireDate ?? row.agent.hireDate;
    if (row.teamCode && row.effectiveDate && hireDate && row.effectiveDate < hireDate) {
      add('effective_date', `must not be before the hire date (${hireDate})`);
    }
    const open = existing ? refs.openMemberships.get(existing.id) : undefined;
    const team = row.teamCode ? refs.teams.get(row.teamCode) : undefined;
    if (open && team && open.team.id !== team.id && effective < open.validFrom) {
      add('effective_date', `must not be before the current team assignment began (${open.validFrom})`);
    }
    return problems;
  }

  private async apply(em: EntityManager, rows: RosterRow[], refs: References) {
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    const moves: TeamMove[] = [];
    for (const row of rows) {
      const existing = refs.agents.get(row.agent.employeeNo);
      const team = row.teamCode ? (refs.teams.get(row.teamCode) ?? null) : null;
      if (!existing) {
        this.insert(em, row, team, refs);
        inserted += 1;
      } else if (this.update(em, existing, row, team, refs, moves)) {
        updated += 1;
      } else {
        unchanged += 1;
      }
    }
    await moveToTeams(em, moves);
    return { inserted, updated, unchanged };
  }

  private insert(em: EntityManager, row: RosterRow, team: Team | null, refs: References): void {
    const { agent: input } = row;
    const agent = em.create(Agent, {
      employeeNo: input.employeeNo,
      displayName: input.displayName,
      team,
      role: input.role,
      careerLevel: input.careerLevel,
      status: row.status ?? AgentStatus.ACTIVE,
      hireDate: input.hireDate,
      email: input.email ?? null,
      phone: input.phone ?? null,
      nationalId: input.nationalId ?? null,
    });
    if (team) em.create(TeamMembership, { agent, team, validFrom: row.effectiveDate ?? input.hireDate });
    for (const s of input.skills) {
      em.create(AgentSkill, {
        agent,
        skill: refs.skills.get(s.skillCode) as Skill,
        proficiency: s.proficiency,
      });
    }
  }

  /** Applies the cells given on the row (see `RosterRow.given`); returns whether anything changed. */
  private update(
    em: EntityManager,
    agent: Agent,
    row: RosterRow,
    team: Team | null,
    refs: References,
    moves: TeamMove[],
  ): boolean {
    const { agent: input, given } = row;
    const before = snapshot(agent);
    agent.displayName = input.displayName;
    if (given.has('role')) agent.role = input.role;
    if (given.has('career_level')) agent.careerLevel = input.careerLevel;
    if (row.status) agent.status = row.status;
    if (input.email) agent.email = input.email;
    if (input.phone) agent.phone = input.phone;
    if (input.nationalId) agent.nationalId = input.nationalId;
    let changed = before !== snapshot(agent);
    if (given.has('skills')) changed = this.replaceSkills(em, agent, input.skills, refs) || changed;
    const open = refs.openMemberships.get(agent.id) ?? null;
    if (team && open?.team.id !== team.id) {
      moves.push({ agent, open, team, from: row.effectiveDate ?? this.today() });
      changed = true;
    }
    return changed;
  }

  /** Diffs the agent's skills against the row; changes are batched into the transaction's flush. */
  private replaceSkills(
    em: EntityManager,
    agent: Agent,
    skills: RosterRow['agent']['skills'],
    refs: References,
  ): boolean {
    const current = new Map((refs.agentSkills.get(agent.id) ?? []).map((s) => [s.skill.code, s]));
    let changed = false;
    for (const wanted of skills) {
      const held = current.get(wanted.skillCode);
      current.delete(wanted.skillCode);
      if (held && held.proficiency === wanted.proficiency) continue;
      changed = true;
      if (held) held.proficiency = wanted.proficiency;
      else
        em.create(AgentSkill, {
          agent,
          skill: refs.skills.get(wanted.skillCode) as Skill,
          proficiency: wanted.proficiency,
        });
    }
    for (const dropped of current.values()) {
      em.remove(dropped);
      changed = true;
    }
    return changed;
  }
}
