import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Center } from '../center/center.entity';

@Entity({ tableName: 'team' })
export class Team {
  [OptionalProps]?: 'leadAgentId' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @ManyToOne(() => Center, { deleteRule: 'restrict' })
  center!: Center;

  /** The agent who leads the team (an id, not a relation, to keep agent <-> team acyclic). */
  @Property({ type: 'uuid', nullable: true, index: true })
  leadAgentId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
