import type { Center } from './center.entity';
import { CenterType } from './center.type';

export function toCenterType(center: Center): CenterType {
  return Object.assign(new CenterType(), {
    id: center.id,
    code: center.code,
    name: center.name,
    timeZone: center.timeZone,
    kind: center.kind,
    activeFrom: center.activeFrom,
    activeTo: center.activeTo,
  });
}
