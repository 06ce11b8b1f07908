import { DateTimeISOResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** What a performance record is about (the same enum in every subgraph that resolves Performance). */
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

@ObjectType('PerformanceScope', {
  description: 'A scope enclosing another: a team’s center, an agent’s team',
})
export class PerformanceScopeRef {
  @Field(() => PerformanceScopeType) type!: PerformanceScopeType;
  @Field(() => ID) id!: string;
}

/**
 * The kpi subgraph's Performance (a scope over a period), extended by staff with who is in it: its
 * agents, its children for drill-down and the scopes enclosing it.
 */
@ObjectType('Performance')
@Directive('@key(fields: "scopeType scopeId from to")')
export class StaffPerformanceType {
  @Field(() => PerformanceScopeType) scopeType!: PerformanceScopeType;
  @Field(() => ID) scopeId!: string;
  @Field(() => DateTimeISOResolver) from!: Date;
  @Field(() => DateTimeISOResolver) to!: Date;
}
