import type { Queue } from './queue.entity';
import { QueueType } from './queue.type';

export function toQueueType(queue: Queue): QueueType {
  return Object.assign(new QueueType(), {
    id: queue.id,
    code: queue.code,
    name: queue.name,
    channel: queue.channel,
    center: queue.centerId ? { id: queue.centerId } : null,
    serviceLevelThresholdSeconds: queue.slThresholdSeconds,
    shortAbandonSeconds: queue.shortAbandonSeconds,
    serviceLevelTarget: queue.slTarget,
    serviceLevelVariant: queue.slVariant,
  });
}
