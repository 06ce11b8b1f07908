import { badUserInput } from '@switchboard/server';
import { Directive, Field, ObjectType } from 'type-graphql';

/** Shareable: every subgraph with paginated lists returns the same value type. */
@ObjectType('PageInfo')
@Directive('@shareable')
export class PageInfoType {
  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}

export const MAX_PAGE_SIZE = 500;

/** Opaque cursor over a keyset position (sort value + id), base64url JSON. */
export function encodeCursor(position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): (string | number)[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
      return value;
  } catch {
    // fall through to the error below
  }
  throw badUserInput({ field, message: 'is not a cursor returned by this API' });
}

export function checkPageSize(first: number, field = 'first'): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput({ field, message: `must be between 1 and ${MAX_PAGE_SIZE}` });
  }
}
