import { wrap } from '@mikro-orm/core';
import type { Identity } from '@switchboard/auth';
import { createLogger } from '@switchboard/server';
import { createRequestContext } from '@switchboard/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { staffLoaders } from '../staff.loaders';
import { staffSubgraph } from '../staff.subgraph';
import { AgentSkill } from './agent-skill.entity';
import { Agent } from './agent.entity';

/**
 * Issue 23: an agent's skills (training @requires them on every agent page) are read as rows, not
 * hydrated entities: the same skills, proficiencies and order as the entities, nothing in the
 * request's identity map.
 */
describe("agents' skills, read as rows", () => {
  let staff: TestSubgraph;
  const admin: Identity = { subject: 'admin', roles: ['ADMIN'], centers: [], teams: [] };

  beforeAll(async () => {
    staff = await startTestSubgraph(staffSubgraph, { seedDemo: true });
  }, 120_000);
  afterAll(() => staff.stop());

  it("gives each agent's skills as the entities do, and hydrates nothing", async () => {
    const agents = await staff.orm.em.fork().find(Agent, {}, { orderBy: { employeeNo: 'asc' }, limit: 40 });
    const ids = [...agents.map((a) => a.id), '00000000-0000-4000-8000-000000000000', 'not-an-id'];
    const ctx = createRequestContext(staff.orm.em, createLogger('staff'), admin);
    const loaded = await staffLoaders.skillsOfAgent(ctx).loadMany(ids);
    expect(ctx.em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);

    const entities = await staff.orm.em
      .fork()
      .find(
        AgentSkill,
        { agent: { $in: agents.map((a) => a.id) } },
        { populate: ['skill'], orderBy: { skill: { code: 'asc' } } },
      );
    const expected = ids.map((id) =>
      entities
        .filter((s) => s.agent.id === id)
        .map((s) => ({ agentId: id, proficiency: s.proficiency, skill: wrap(s.skill).toObject() })),
    );
    expect(loaded).toEqual(expected);
    expect(entities.length).toBeGreaterThan(0);
  });
});
