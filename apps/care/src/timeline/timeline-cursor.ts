import { badUserInput } from '@switchboard/server';
import { decodeCursor } from '@switchboard/subgraph-kit';
import type { TimelinePosition } from './timeline-sources';

/** The position an `after` cursor names (null: from the newest); BAD_USER_INPUT naming `after` otherwise. */
export function positionFrom(after: string | null): TimelinePosition | null {
  if (after == null) return null;
  const [at, rank, k1, k2] = decodeCursor(after);
  if (
    typeof at !== 'string' ||
    Number.isNaN(Date.parse(at)) ||
    typeof rank !== 'number' ||
    typeof k1 !== 'string' ||
    k2 === undefined
  )
    throw badUserInput({ field: 'after', message: 'is not a cursor returned by this API' });
  return { at, rank, k1, k2 };
}
