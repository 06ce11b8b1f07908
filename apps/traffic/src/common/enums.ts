import { registerEnumType } from 'type-graphql';
import { CHANNELS, DIRECTIONS, OUTCOMES } from '@switchboard/contracts';
import { SERVICE_LEVEL_VARIANTS } from '@switchboard/metrics';
import { CUSTOMER_SEGMENTS } from '../model/segments';

const enumOf = <T extends string>(values: readonly T[]): Record<T, T> =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const ChannelEnum = enumOf(CHANNELS);
export const DirectionEnum = enumOf(DIRECTIONS);
export const OutcomeEnum = enumOf(OUTCOMES);
export const ServiceLevelVariantEnum = enumOf(SERVICE_LEVEL_VARIANTS);
/** Care's enum, the same values (federation merges the two). */
export const CustomerSegmentEnum = enumOf(CUSTOMER_SEGMENTS);

export enum Granularity {
  FIFTEEN_MINUTES = 'FIFTEEN_MINUTES',
  THIRTY_MINUTES = 'THIRTY_MINUTES',
  HOUR = 'HOUR',
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  TOTAL = 'TOTAL',
}

export enum StatsDimension {
  CENTER = 'CENTER',
  QUEUE = 'QUEUE',
  CHANNEL = 'CHANNEL',
  AGENT = 'AGENT',
  /** The team the agent was in when the contact arrived (traffic's copy of staff's team history). */
  TEAM = 'TEAM',
}

registerEnumType(ChannelEnum, { name: 'Channel' });
registerEnumType(CustomerSegmentEnum, { name: 'CustomerSegment' });
registerEnumType(DirectionEnum, { name: 'Direction' });
registerEnumType(OutcomeEnum, {
  name: 'ContactOutcome',
  description: 'IVR: ended in self-service before reaching a queue',
});
registerEnumType(ServiceLevelVariantEnum, {
  name: 'ServiceLevelVariant',
  description: 'METRICS.md, serviceLevel',
});
registerEnumType(Granularity, { name: 'Granularity' });
registerEnumType(StatsDimension, { name: 'StatsDimension' });
