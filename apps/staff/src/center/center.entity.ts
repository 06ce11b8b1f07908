import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { CenterKind } from '../model/center';

export { CenterKind };

@Entity({ tableName: 'center' })
export class Center {
  [OptionalProps]?: 'kind' | 'activeFrom' | 'activeTo' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  timeZone!: string;

  @Enum({ items: () => CenterKind, nativeEnumName: 'center_kind' })
  kind: CenterKind = CenterKind.PERMANENT;

  @Property({ type: 'date', nullable: true })
  activeFrom: string | null = null;

  @Property({ type: 'date', nullable: true })
  activeTo: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
