import 'reflect-metadata';
import { Ctx, Directive, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { buildFederatedSchema } from './federated-schema';
import { resolveAgentSet } from './performance-agent-sets';
import {
  PERFORMANCE_KEY,
  PERFORMANCE_KEY_DIRECTIVE,
  PerformanceKeyFields,
  PerformanceScopeType,
  performanceFromReference,
} from './performance-protocol';

@ObjectType('Performance')
@Directive(PERFORMANCE_KEY_DIRECTIVE)
class ExamplePerformance extends PerformanceKeyFields {
  @Field(() => Int) examples!: number;
}

@Resolver(() => ExamplePerformance)
class ExampleResolver {
  @Query(() => Int) ping(): number {
    return 1;
  }
  @FieldResolver(() => Int) doubled(@Root() p: ExamplePerformance, @Ctx() _ctx: object): number {
    return p.examples * 2;
  }
}

describe('the Performance protocol, owned by the kit', () => {
  it("gives a subgraph's Performance the key fields, the key directive and the scope enum", async () => {
    const { sdl } = await buildFederatedSchema({
      resolvers: [ExampleResolver],
      orphanedTypes: [ExamplePerformance],
    });
    expect(sdl).toMatch(
      /type Performance[^{]*\{\s*scopeType: PerformanceScopeType!\s*scopeId: ID!\s*from: DateTimeISO!\s*to: DateTimeISO!/,
    );
    expect(sdl).toContain('enum PerformanceScopeType');
    expect(sdl).not.toContain('PerformanceKeyFields');
    expect(sdl).toContain(PERFORMANCE_KEY_DIRECTIVE);
    expect(PERFORMANCE_KEY_DIRECTIVE).toBe(`@key(fields: "${PERFORMANCE_KEY}")`);
  });

  it('reads a representation: dates parsed, the rest kept, the agent set remembered for the request', () => {
    const ctx = {};
    const carrier = performanceFromReference(
      ExamplePerformance,
      {
        __typename: 'Performance',
        scopeType: 'TEAM',
        scopeId: 't1',
        from: '2026-11-01T00:00:00.000Z',
        to: '2026-11-02T00:00:00.000Z',
        examples: 3,
        agentSet: { id: 's1', agents: [{ employeeNo: 'E1' }] },
      },
      ctx,
    );
    expect(carrier).toBeInstanceOf(ExamplePerformance);
    expect(carrier.from).toEqual(new Date('2026-11-01T00:00:00.000Z'));
    expect(carrier.to.getTime() - carrier.from.getTime()).toBe(86_400_000);
    expect(carrier.scopeType).toBe(PerformanceScopeType.TEAM);
    expect(carrier.examples).toBe(3);
    const other = performanceFromReference(
      ExamplePerformance,
      {
        scopeType: 'TEAM',
        scopeId: 't1',
        from: '2026-11-02T00:00:00Z',
        to: '2026-11-03T00:00:00Z',
        agentSet: { id: 's1', agents: null },
      },
      ctx,
    );
    expect(resolveAgentSet(ctx, other as never)).toEqual([{ employeeNo: 'E1' }]);
  });
});
