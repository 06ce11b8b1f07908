import { WRITERS } from '@switchboard/auth';
import { accessLayout, postGraphQL, type AccessLevel } from '@switchboard/testing';
import { StaffFactory } from './staff-factories';

/**
 * Two centers for access tests: A (teams A1, A2) and B (team B1); agents a1 and the lead in A1 (the
 * lead leads A1), a2 in A2, b1 in B1. Codes and employee numbers are fixed per file (a random tag),
 * so the callers' tokens can be written before the data exists; ids arrive in beforeAll.
 */
export class AccessFixture {
  private readonly layout = accessLayout(WRITERS.staff);
  readonly tag = this.layout.tag;
  readonly code = this.layout.code;
  readonly no = this.layout.no;
  readonly id: Record<string, string> = {};
  /** The eight roles, and HR limited to center A. */
  readonly callers = this.layout.callers;
  readonly agentsSeen = this.layout.agentsSeen;
  readonly callerNamed = this.layout.callerNamed;

  readonly centersSeen: Record<AccessLevel, string[]> = {
    all: [this.code.A, this.code.B],
    center: [this.code.A],
    team: [],
    self: [],
  };

  readonly teamsSeen: Record<AccessLevel, string[]> = {
    all: [this.code.A1, this.code.A2, this.code.B1].sort(),
    center: [this.code.A1, this.code.A2].sort(),
    team: [this.code.A1],
    self: [],
  };

  /** Display names: secrets a denied answer must not contain. */
  nameOf(employeeNo: string): string {
    return `Agent ${employeeNo}`;
  }

  async create(url: string): Promise<void> {
    const factory = new StaffFactory(url);
    this.id.A = (await factory.center({ code: this.code.A })).id;
    this.id.B = (await factory.center({ code: this.code.B })).id;
    for (const [team, center] of [
      ['A1', 'A'],
      ['A2', 'A'],
      ['B1', 'B'],
    ] as const) {
      this.id[team] = (await factory.team(this.id[center], { code: this.code[team] })).id;
    }
    for (const [agent, team] of [
      ['a1', 'A1'],
      ['lead', 'A1'],
      ['a2', 'A2'],
      ['b1', 'B1'],
    ] as const) {
      const employeeNo = this.no[agent];
      const hired = await factory.agent({
        employeeNo,
        displayName: this.nameOf(employeeNo),
        teamId: this.id[team],
      });
      this.id[agent] = hired.id;
    }
    const lead = await postGraphQL(
      url,
      'mutation($id: ID!, $no: String!) { updateTeam(id: $id, input: { leadEmployeeNo: $no }) { id } }',
      {
        id: this.id.A1,
        no: this.no.lead,
      },
    );
    if (lead.errors) throw new Error(JSON.stringify(lead.errors));
  }

  /** A fresh agent of a team (for mutations that change one), by id. */
  async agentIn(url: string, team: 'A1' | 'A2' | 'B1'): Promise<string> {
    return (await new StaffFactory(url).agent({ teamId: this.id[team] })).id;
  }
}
