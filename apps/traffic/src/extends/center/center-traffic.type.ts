import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Staff's Center, extended with the traffic of the queues assigned to it. */
@ObjectType('Center')
@Directive('@key(fields: "id")')
export class CenterTrafficType {
  @Field(() => ID)
  id!: string;

  /** Staff's: where the center's day starts (for liveQueues). */
  @Field(() => String)
  @Directive('@external')
  timeZone?: string | null;
}
