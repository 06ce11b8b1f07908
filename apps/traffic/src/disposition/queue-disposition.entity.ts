import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A code a queue's agents may use; `required` codes make a coded wrap-up mandatory on the queue. */
@Entity({ tableName: 'queue_disposition' })
export class QueueDisposition {
  [OptionalProps]?: 'required';

  @PrimaryKey({ type: 'uuid' })
  queueId!: string;

  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'boolean' })
  required: boolean = true;
}
