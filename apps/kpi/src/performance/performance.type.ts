import { PERFORMANCE_KEY_DIRECTIVE } from '@switchboard/subgraph-kit';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PerformanceScopeTypeEnum, type PerformanceScopeType } from '../model/enums';
import { PERFORMANCE_SOURCES } from './performance-sources';

/** A scope enclosing another (staff resolves them): read by kpi to find the most specific target. */
@ObjectType('PerformanceScope')
export class PerformanceScopeRef {
  @Field(() => PerformanceScopeTypeEnum)
  @Directive('@external')
  type!: PerformanceScopeType;

  @Field(() => ID)
  @Directive('@external')
  id!: string;
}

/**
 * The unified performance record of a scope (center, team, agent or queue) over a period. Its key is
 * the scope and the period, so every subgraph can resolve its part from the key alone: staff the
 * agents, children and ancestors, traffic the contact metrics, qa the evaluations, training the
 * assignments, exams and certifications, and kpi (here) the KPIs over them.
 */
@ObjectType('Performance', {
  description:
    'A center, team, agent or queue over a period (from inclusive, to exclusive): metrics and KPIs',
})
@Directive(PERFORMANCE_KEY_DIRECTIVE)
export class PerformanceType {
  @Field(() => PerformanceScopeTypeEnum) scopeType!: PerformanceScopeType;
  @Field(() => ID) scopeId!: string;
  @Field(() => DateTimeISOResolver) from!: Date;
  @Field(() => DateTimeISOResolver) to!: Date;

  @Field(() => [PerformanceScopeRef])
  @Directive('@external')
  ancestors?: PerformanceScopeRef[];

  /** Staff's: the scope's agents of the AGENT role as their own records (what a ranking ranks). */
  @Field(() => [PerformanceType])
  @Directive('@external')
  contactAgentRecords?: Record<string, unknown>[];

  /** The sources' parts (traffic, qa, training), as the gateway passes them in. */
  [source: string]: unknown;
}

// Each source's part of Performance, declared external here (its subgraph resolves it); a source read
// `via` another field declares that field, with what kpi requires of it.
for (const source of PERFORMANCE_SOURCES) {
  class SourceMetrics {}
  ObjectType(source.typeName)(SourceMetrics);
  for (const metric of source.via?.metrics ?? source.metrics) {
    Field(() => Float, { nullable: true })(SourceMetrics.prototype, metric);
    Directive('@external')(SourceMetrics.prototype, metric);
  }
  if (source.freshness) {
    Field(() => DateTimeISOResolver, { nullable: true })(SourceMetrics.prototype, 'dataAsOf');
    Directive('@external')(SourceMetrics.prototype, 'dataAsOf');
    Field(() => Boolean)(SourceMetrics.prototype, 'stale');
    Directive('@external')(SourceMetrics.prototype, 'stale');
  }
  for (const count of source.via?.counts ?? source.counts ?? []) {
    Field(() => Int)(SourceMetrics.prototype, count);
    Directive('@external')(SourceMetrics.prototype, count);
  }
  const field = source.via?.field ?? source.field;
  Field(() => SourceMetrics, { nullable: true })(PerformanceType.prototype, field);
  Directive('@external')(PerformanceType.prototype, field);
}
