import {
  getArgumentValues,
  getNamedType,
  GraphQLError,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { checkStatsRows, COST_LIMITS, queryTooCostly, type StatsRequest } from '@switchboard/server';

/**
 * The gateway's cost estimate of a whole operation (issue 17), before any subgraph is asked: every
 * object it would resolve, a list counted by its size (`first`, the page size its `nodes` get;
 * trafficStats's rows from its period, granularity and groups; a trend's buckets; otherwise
 * COST_LIMITS.defaultListSize), times the lists it is nested in. graphql-armor's static cost counts
 * fields, not list sizes, so an 11-level nesting of lists or a year of 15-minute rows slips under it.
 */
export interface OperationCost {
  objects: number;
}

type Args = Record<string, unknown>;

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  objects: number;
}

const DAY_MS = 86_400_000;
const TREND_BUCKET_DAYS: Record<string, number> = { DAY: 1, WEEK: 7, MONTH: 28 };

const count = (value: unknown): number | undefined => (Array.isArray(value) ? value.length : undefined);

/** trafficStats's arguments as the estimate reads them (what the filter names narrows a dimension). */
function statsRequest(args: Args): StatsRequest {
  const filter = (args.filter ?? {}) as Args;
  const queues = (count(filter.queueIds) ?? 0) + (count(filter.queueCodes) ?? 0);
  return {
    from: filter.from,
    to: filter.to,
    granularity: args.granularity,
    groupBy: Array.isArray(args.groupBy) ? args.groupBy : [],
    named: {
      CENTER: count(filter.centerIds),
      TEAM: count(filter.teamIds),
      QUEUE: queues || undefined,
      CHANNEL: count(filter.channels),
      AGENT: count(filter.employeeNos) ?? count(filter.agentIds),
    },
  };
}

/** Buckets of a trend: the days of its period over the days of its granularity. */
function trendBuckets(args: Args): number {
  const input = (args.input ?? {}) as Args;
  const days = (Date.parse(String(input.toDay)) - Date.parse(String(input.fromDay))) / DAY_MS;
  const per = TREND_BUCKET_DAYS[String(input.granularity)] ?? 1;
  return Number.isFinite(days) && days > 0 ? Math.ceil(days / per) : 1;
}

/** How many items a list field returns at most, from its arguments or its parent page's size. */
function listSize(field: GraphQLField<unknown, unknown>, args: Args, pageSize: number | undefined): number {
  if (field.name === 'trafficStats') return checkStatsRows(statsRequest(args)).rows;
  if (field.name === 'performanceTrend') return trendBuckets(args);
  if (typeof args.first === 'number') return args.first;
  return pageSize ?? COST_LIMITS.defaultListSize;
}

function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, walk: Walk): Args {
  try {
    return getArgumentValues(field, node, walk.variables);
  } catch {
    return {}; // bad arguments are refused by validation and execution, with their own message
  }
}

function visit(
  walk: Walk,
  selections: SelectionSetNode,
  type: GraphQLCompositeType,
  multiplier: number,
  pageSize: number | undefined,
): void {
  for (const selection of selections.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : type;
      if (on && isCompositeType(on)) visit(walk, selection.selectionSet, on, multiplier, pageSize);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments[selection.name.value];
      const on = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      if (on && isCompositeType(on)) visit(walk, fragment.selectionSet, on, multiplier, pageSize);
      continue;
    }
    if (!selection.selectionSet || (isAbstractType(type) && !isInterfaceType(type))) continue;
    const field =
      isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
    if (!field) continue;
    const named = getNamedType(field.type);
    if (!isCompositeType(named)) continue;
    const args = argumentsOf(field, selection, walk);
    const items = isListType(getNullableType(field.type)) ? listSize(field, args, pageSize) : 1;
    const reached = multiplier * items;
    walk.objects += reached;
    if (walk.objects > COST_LIMITS.maxObjects) {
      throw queryTooCostly(
        selection.name.value,
        `the query would resolve an estimated ${Math.round(walk.objects).toLocaleString('en-US')} objects ` +
          `or more (lists nested in lists, counted by their sizes: first, page sizes, ${COST_LIMITS.defaultListSize} ` +
          `for an unbounded list), over the limit of ${COST_LIMITS.maxObjects.toLocaleString('en-US')}: ` +
          'ask for smaller pages or fewer nested lists',
        { limit: COST_LIMITS.maxObjects },
      );
    }
    const page =
      typeof args.first === 'number' && !isListType(getNullableType(field.type)) ? args.first : undefined;
    visit(walk, selection.selectionSet, named, reached, page);
  }
}

/** The operation's estimated cost; throws QUERY_TOO_COSTLY when a limit is passed. */
export function estimateOperationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): OperationCost {
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const walk: Walk = { schema, fragments, variables, objects: 0 };
  if (root) visit(walk, operation.selectionSet, root, 1, undefined);
  return { objects: walk.objects };
}

/** Refuses a too costly operation (QUERY_TOO_COSTLY, HTTP 400) before it is planned or run. */
export function checkOperationCost(request: {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  document: DocumentNode;
  variables?: Record<string, unknown>;
}): OperationCost {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of request.document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  try {
    return estimateOperationCost(request.schema, request.operation, fragments, request.variables ?? {});
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
  }
}
