import { badUserInput } from '@switchboard/server';
import { decodeCursor } from '@switchboard/subgraph-kit';

/** Where an entry sits in timeline order: newest first, then rank, then its own keys. */
export interface TimelinePosition {
  at: string;
  rank: number;
  k1: string;
  k2: string | number;
}

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
