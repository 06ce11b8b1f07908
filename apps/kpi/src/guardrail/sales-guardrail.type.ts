import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PerformanceScopeTypeEnum, type PerformanceScopeType } from '../model/enums';

export enum SalesGuardrailReason {
  CONVERSION_ROSE = 'CONVERSION_ROSE',
  COMPLAINTS_ROSE = 'COMPLAINTS_ROSE',
  CRITICAL_FAILS_ROSE = 'CRITICAL_FAILS_ROSE',
}
registerEnumType(SalesGuardrailReason, {
  name: 'SalesGuardrailReason',
  description:
    'CONVERSION_ROSE: conversion up by the threshold (20 %) or more; COMPLAINTS_ROSE: complaints per 10,000 contacts up by more than their amber band; CRITICAL_FAILS_ROSE: the QA critical-fail rate up by more than its amber band',
});

@ObjectType('SalesGuardrailPeriod', { description: "One period's inputs of the guardrail" })
export class SalesGuardrailPeriodType {
  @Field(() => DateTimeISOResolver) from!: Date;
  @Field(() => DateTimeISOResolver) to!: Date;

  @Field(() => Float, {
    nullable: true,
    description: 'Contacts with a sale / contacts with an offer (traffic)',
  })
  conversionRate!: number | null;

  @Field(() => Int, { nullable: true, description: 'Answered contacts (traffic)' })
  answered!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Complaints received per 10,000 answered contacts (care)',
  })
  complaintsPer10k!: number | null;

  @Field(() => Float, { nullable: true, description: 'Auto-failed / evaluations (qa)' })
  criticalFailRate!: number | null;

  @Field(() => Int, { nullable: true, description: 'QA evaluations submitted in the period' })
  evaluations!: number | null;
}

@ObjectType('SalesGuardrailBand', { description: 'How far a figure may rise before it counts' })
export class SalesGuardrailBandType {
  @Field(() => String, { description: 'The KPI whose target gives the band' })
  kpiCode!: string;

  @Field(() => Float)
  amberBand!: number;

  @Field(() => Boolean, {
    description: "From a target in force for the scope (its team's, center's or GLOBAL); false: the default",
  })
  fromTarget!: boolean;
}

@ObjectType('SalesGuardrail', {
  description:
    'The service-to-sales guardrail of an agent or a team (METRICS.md): a breach when conversion rises by 20 % or more against the previous period while complaints per 10,000 contacts or the QA critical-fail rate rise by more than their amber band, with every input shown',
})
export class SalesGuardrailType {
  @Field(() => PerformanceScopeTypeEnum) scopeType!: PerformanceScopeType;
  @Field(() => ID) scopeId!: string;

  @Field(() => Boolean) breach!: boolean;

  @Field(() => [SalesGuardrailReason], {
    description: 'Every rise that counts (conversion alone, or complaints alone, is no breach)',
  })
  reasons!: SalesGuardrailReason[];

  @Field(() => SalesGuardrailPeriodType) current!: SalesGuardrailPeriodType;

  @Field(() => SalesGuardrailPeriodType, {
    description:
      'The period before: the same calendar months before a whole-month period, else the same length',
  })
  previous!: SalesGuardrailPeriodType;

  @Field(() => Float, { nullable: true, description: '(current − previous) / previous conversion' })
  conversionChange!: number | null;

  @Field(() => Float, { description: 'The relative conversion rise that counts (0.2)' })
  conversionRiseThreshold!: number;

  @Field(() => Float, { nullable: true, description: 'current − previous complaints per 10k' })
  complaintsPer10kChange!: number | null;

  @Field(() => Float, { nullable: true, description: 'current − previous critical-fail rate' })
  criticalFailRateChange!: number | null;

  @Field(() => SalesGuardrailBandType) complaintsBand!: SalesGuardrailBandType;
  @Field(() => SalesGuardrailBandType) criticalFailBand!: SalesGuardrailBandType;
}
