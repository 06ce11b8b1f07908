import { randomUUID } from 'node:crypto';
import {
  Check,
  Entity,
  Enum,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
} from '@mikro-orm/core';
import { SamplingPeriod } from '../model/enums';

/** N evaluations per agent per week or month, contacts drawn reproducibly from the plan's seed. */
@Entity({ tableName: 'sampling_plan' })
@Check({ name: 'sampling_plan_n_positive', expression: 'evaluations_per_agent between 1 and 100' })
export class SamplingPlan {
  [OptionalProps]?: 'createdAt' | 'queueCodes' | 'channels';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => SamplingPeriod, nativeEnumName: 'sampling_period' })
  period!: SamplingPeriod;

  @Property({ type: 'integer' })
  evaluationsPerAgent!: number;

  @Property({ type: 'text' })
  seed!: string;

  /** Only contacts of these queues (codes); empty: any. */
  @Property({ type: 'jsonb' })
  queueCodes: string[] = [];

  /** Only contacts of these channels; empty: any. */
  @Property({ type: 'jsonb' })
  channels: string[] = [];

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

/** Which evaluator owes the plan's evaluations of which agent (one evaluator per agent and plan). */
@Entity({ tableName: 'sampling_assignment' })
export class SamplingAssignment {
  [PrimaryKeyProp]?: ['plan', 'agentEmployeeNo'];

  @ManyToOne(() => SamplingPlan, { primary: true, deleteRule: 'cascade' })
  plan!: SamplingPlan;

  @PrimaryKey({ type: 'text' })
  agentEmployeeNo!: string;

  @Property({ type: 'text', index: true })
  evaluatorEmployeeNo!: string;
}

/**
 * A contact drawn for a plan's period. Drawn once per period and kept, so the list an evaluator
 * works from does not move when more contacts arrive.
 */
@Entity({ tableName: 'sampled_contact' })
export class SampledContact {
  [PrimaryKeyProp]?: ['plan', 'periodStart', 'contactSource', 'contactExternalId'];

  @ManyToOne(() => SamplingPlan, { primary: true, deleteRule: 'cascade' })
  plan!: SamplingPlan;

  @PrimaryKey({ type: 'date' })
  periodStart!: string;

  @PrimaryKey({ type: 'text' })
  contactSource!: string;

  @PrimaryKey({ type: 'text' })
  contactExternalId!: string;

  @Property({ type: 'text' })
  agentEmployeeNo!: string;

  @Property({ type: 'text' })
  evaluatorEmployeeNo!: string;

  /** Position in the agent's draw (1 = first). */
  @Property({ type: 'integer' })
  draw!: number;

  @Property({ type: 'timestamptz' })
  arrivedAt!: Date;
}
