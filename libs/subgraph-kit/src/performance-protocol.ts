import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { rememberAgentSet } from './performance-agent-sets';

/**
 * The Performance protocol, owned once: kpi's Performance entity (a scope over a period) is extended
 * by every subgraph that contributes a part of the record (staff, traffic, qa, training, care, voc,
 * wfm). They share the key, the scope enum and the reading of a representation; each adds its own
 * part and reads the record's agents from staff's agentSet (performance-agent-sets.ts).
 */
export const PERFORMANCE_SCOPE_TYPES = ['CENTER', 'TEAM', 'AGENT', 'QUEUE'] as const;

/** What a performance record is about (the Performance key's scopeType). */
export enum PerformanceScopeType {
  CENTER = 'CENTER',
  TEAM = 'TEAM',
  AGENT = 'AGENT',
  QUEUE = 'QUEUE',
}
registerEnumType(PerformanceScopeType, {
  name: 'PerformanceScopeType',
  description: 'What a performance record is about',
});

/** Performance's @key fields: `@Directive(\`@key(fields: "${PERFORMANCE_KEY}")\`)` on each subgraph's type. */
export const PERFORMANCE_KEY = 'scopeType scopeId from to';

/**
 * The key fields every subgraph's Performance type carries; extend it:
 * `@ObjectType('Performance') @Directive(PERFORMANCE_KEY_DIRECTIVE) class XPerformanceType extends PerformanceKeyFields`.
 */
// named for type-graphql's inheritance only: no field returns it, so no subgraph's schema shows it
@ObjectType('PerformanceKeyFields')
export abstract class PerformanceKeyFields {
  @Field(() => PerformanceScopeType) scopeType!: PerformanceScopeType;
  @Field(() => ID) scopeId!: string;
  @Field(() => DateTimeISOResolver) from!: Date;
  @Field(() => DateTimeISOResolver) to!: Date;
}

/** The @key directive of Performance, for `@Directive(...)`. */
export const PERFORMANCE_KEY_DIRECTIVE = `@key(fields: "${PERFORMANCE_KEY}")`;

/**
 * A Performance representation from the gateway as the subgraph's own type: the key (dates arrive as
 * ISO strings) and whatever the subgraph @requires, kept as they come. With the request's context,
 * the agents a representation carries are remembered for the records that carry only their set's
 * id (resolveAgentSet).
 */
export function performanceFromReference<T extends object>(
  type: new () => T,
  reference: Record<string, unknown>,
  ctx?: object,
): T {
  if (ctx) rememberAgentSet(ctx, reference);
  return Object.assign(new type(), reference, {
    from: new Date(String(reference.from)),
    to: new Date(String(reference.to)),
  });
}

/**
 * A subgraph's `Performance.__resolveReference` for its own type: every contributing subgraph's
 * references read a representation the same way (performanceFromReference).
 */
export function performanceReference<T extends object>(
  type: new () => T,
): (reference: Record<string, unknown>, ctx?: object) => T {
  return (reference, ctx) => performanceFromReference(type, reference, ctx);
}
