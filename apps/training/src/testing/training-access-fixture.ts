import { randomUUID } from 'node:crypto';
import { WRITERS } from '@switchboard/auth';
import { staticScopeSource, type ScopeSource } from '@switchboard/subgraph-kit';
import { accessLayout } from '@switchboard/testing';
import { RosterDouble } from './roster-double';

/**
 * Training's access fixture: staff's directory as a fixed scope source and a roster double. Center
 * A has teams A1 (a1 and the lead) and A2 (a2); center B has B1 (b1).
 */
export class TrainingAccessFixture {
  private readonly layout = accessLayout(WRITERS.training);
  readonly tag = this.layout.tag;
  readonly code = this.layout.code;
  readonly no = this.layout.no;
  readonly id = { A: randomUUID(), B: randomUUID(), A1: randomUUID(), A2: randomUUID(), B1: randomUUID() };
  readonly roster = new RosterDouble();
  /** The eight roles, and TRAINER limited to center A. */
  readonly callers = this.layout.callers;
  readonly agentsSeen = this.layout.agentsSeen;
  readonly seen = this.layout.seen;
  readonly callerNamed = this.layout.callerNamed;

  constructor() {
    const agent = (employeeNo: string, team: 'A1' | 'A2' | 'B1', role = 'AGENT') => ({
      employeeNo,
      teamId: this.id[team],
      centerId: team === 'B1' ? this.id.B : this.id.A,
      role,
    });
    this.roster.add(
      agent(this.no.a1, 'A1'),
      agent(this.no.lead, 'A1', 'TEAM_LEAD'),
      agent(this.no.a2, 'A2'),
      agent(this.no.b1, 'B1'),
    );
  }

  /** Staff's answer to accessScope for these codes. */
  scopeSource(): ScopeSource {
    return staticScopeSource({
      centers: {
        [this.code.A]: { id: this.id.A, teams: [this.code.A1, this.code.A2] },
        [this.code.B]: { id: this.id.B, teams: [this.code.B1] },
      },
      teams: {
        [this.code.A1]: { id: this.id.A1, employeeNos: [this.no.a1, this.no.lead] },
        [this.code.A2]: { id: this.id.A2, employeeNos: [this.no.a2] },
        [this.code.B1]: { id: this.id.B1, employeeNos: [this.no.b1] },
      },
    });
  }
}
