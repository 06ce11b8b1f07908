import { randomBytes } from 'node:crypto';
import { postGraphQL } from '@switchboard/testing';

/**
 * Builds staff test data through the subgraph's own API, so every factory call goes through the
 * same validation as a user's. Codes are unique per call: test files never collide.
 */
export class StaffFactory {
  constructor(private readonly url: string) {}

  private unique(prefix: string): string {
    return `${prefix}-${randomBytes(3).toString('hex').toUpperCase()}`;
  }

  private async mutate<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await postGraphQL<Record<string, T>>(this.url, query, variables);
    if (response.errors?.length || !response.data) {
      throw new Error(`factory mutation failed: ${JSON.stringify(response.errors)}`);
    }
    return Object.values(response.data)[0];
  }

  center(input: Record<string, unknown> = {}): Promise<{ id: string; code: string }> {
    return this.mutate(`mutation($input: CreateCenterInput!) { createCenter(input: $input) { id code } }`, {
      input: { code: this.unique('C'), name: 'Test center', timeZone: 'Asia/Shanghai', ...input },
    });
  }

  team(centerId: string, input: Record<string, unknown> = {}): Promise<{ id: string; code: string }> {
    return this.mutate(`mutation($input: CreateTeamInput!) { createTeam(input: $input) { id code } }`, {
      input: { code: this.unique('T'), name: 'Test team', centerId, ...input },
    });
  }

  skill(input: Record<string, unknown> = {}): Promise<{ id: string; code: string }> {
    return this.mutate(`mutation($input: CreateSkillInput!) { createSkill(input: $input) { id code } }`, {
      input: { code: this.unique('S'), name: 'Test skill', ...input },
    });
  }

  agent(input: Record<string, unknown> = {}): Promise<{ id: string; employeeNo: string }> {
    return this.mutate(`mutation($input: HireAgentInput!) { hireAgent(input: $input) { id employeeNo } }`, {
      input: { employeeNo: this.unique('E'), displayName: 'Test Agent', hireDate: '2025-01-06', ...input },
    });
  }
}
