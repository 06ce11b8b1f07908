import type { GraphQLFormattedError } from 'graphql';

export const NOT_FOUND = 'NOT_FOUND';

interface EntitiesAnswer {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

const typenameOf = (representation: unknown): string => {
  const typename = (representation as { __typename?: unknown } | null)?.__typename;
  return typeof typename === 'string' ? typename : 'entity';
};

/**
 * An `_entities` answer with an error for each entity the subgraph answered null without saying
 * why: the record does not exist or is outside the caller's scope (a reference resolver answers
 * both alike, and so does this error, naming no key). Without it the gateway nulled the field, and
 * the list up to the first nullable parent when the field may not be null, with nothing in
 * `errors`. The answer is returned as it was when nothing is missing; it is never changed in place
 * (identical fetches share it).
 */
export function withUnresolvedEntityErrors<T extends EntitiesAnswer>(
  answer: T,
  representations: unknown,
  serviceName: string,
): T {
  const entities = answer.data?._entities;
  if (!Array.isArray(entities) || !Array.isArray(representations)) return answer;
  const explained = new Set(
    (answer.errors ?? [])
      .map((e) => (e.path?.[0] === '_entities' ? e.path[1] : undefined))
      .filter((index) => typeof index === 'number'),
  );
  const added: GraphQLFormattedError[] = [];
  entities.forEach((entity, index) => {
    if (entity !== null || explained.has(index)) return;
    const typename = typenameOf(representations[index]);
    added.push({
      message: `${typename}: not found, or not visible to you`,
      path: ['_entities', index],
      extensions: { code: NOT_FOUND, serviceName },
    });
  });
  return added.length ? { ...answer, errors: [...(answer.errors ?? []), ...added] } : answer;
}
