import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Scorecard } from '../scorecard/scorecard.entity';

/**
 * Several evaluators score the same contact on the same scorecard version; the calibrator's score is
 * the reference every other evaluator's is compared with.
 */
@Entity({ tableName: 'calibration_session' })
export class CalibrationSession {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Scorecard)
  scorecard!: Scorecard;

  @Property({ type: 'text' })
  contactSource!: string;

  @Property({ type: 'text' })
  contactExternalId!: string;

  /** The agent who handled the contact. */
  @Property({ type: 'text' })
  agentEmployeeNo!: string;

  /** Whose score is the reference. */
  @Property({ type: 'text' })
  calibratorEmployeeNo!: string;

  @Property({ type: 'timestamptz', index: true })
  createdAt: Date = new Date();
}
