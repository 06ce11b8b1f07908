import { checkPageSize, type SubgraphContext } from '@switchboard/subgraph-kit';
import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { storedKeyForms } from '../customer/customer-key';
import { contactPageKey, type ContactPageAsk, type TrafficContact } from '../references/traffic-contacts';
import { positionFrom, type TimelinePosition } from './timeline-cursor';

/**
 * A customer query that also selects `timeline` costs one round trip to traffic, not two: while the
 * customer loader asks traffic whether the caller may see the customer, it asks in the same gateway
 * operation for the timeline's first contact page (what the timeline would ask next). The page is
 * kept for this request only and used only if the customer turns out visible (the timeline runs).
 */
interface TimelineIntent {
  first: number;
  before: TimelinePosition | null;
}

const intents = new WeakMap<SubgraphContext, Map<string, TimelineIntent>>();
const fetched = new WeakMap<SubgraphContext, Map<string, TrafficContact[]>>();

function findField(
  selectionSet: SelectionSetNode | undefined,
  name: string,
  info: GraphQLResolveInfo,
): FieldNode | null {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD && selection.name.value === name) return selection;
    const nested =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection.selectionSet
        : selection.kind === Kind.FRAGMENT_SPREAD
          ? info.fragments[selection.name.value]?.selectionSet
          : undefined;
    const found = nested ? findField(nested, name, info) : null;
    if (found) return found;
  }
  return null;
}

/**
 * Notes that this request's customer `liveKey` will have its timeline read, with the arguments of
 * the first `timeline` selected under the current field. Arguments the timeline will refuse are not
 * noted (the timeline refuses them itself, naming the field).
 */
export function expectTimeline(ctx: SubgraphContext, liveKey: string, info: GraphQLResolveInfo): void {
  const type = getNamedType(info.returnType);
  const definition = isObjectType(type) ? type.getFields().timeline : undefined;
  if (!definition) return;
  const node = info.fieldNodes.map((n) => findField(n.selectionSet, 'timeline', info)).find(Boolean);
  if (!node) return;
  let intent: TimelineIntent;
  try {
    const args = getArgumentValues(definition, node, info.variableValues);
    const first = args.first as number;
    checkPageSize(first);
    intent = { first, before: positionFrom((args.after as string | null | undefined) ?? null) };
  } catch {
    return;
  }
  const map = intents.get(ctx) ?? new Map<string, TimelineIntent>();
  intents.set(ctx, map);
  if (!map.has(liveKey)) map.set(liveKey, intent);
}

/** Whether this request noted it will read the timeline of `liveKey`. */
export const timelineExpected = (ctx: SubgraphContext, liveKey: string): boolean =>
  intents.get(ctx)?.has(liveKey) ?? false;

/** The rank of contacts among the timeline's sources (the highest: see TimelinePosition). */
export const CONTACT_RANK = 3;

/**
 * What the timeline asks traffic for: `first` contacts of every stored form of the customer's keys
 * (traffic keeps caller IDs as given) strictly before `before`. Contacts rank highest: a cursor of
 * another source ends at its instant (source '' sorts first).
 */
export function contactPageAsk(
  customerKeys: string[],
  first: number,
  before: TimelinePosition | null,
): ContactPageAsk {
  return {
    customerKeys: [...new Set(customerKeys.flatMap(storedKeyForms))],
    first,
    before: before
      ? before.rank === CONTACT_RANK
        ? { arrivedAt: before.at, source: before.k1, externalId: String(before.k2) }
        : { arrivedAt: before.at, source: '', externalId: '' }
      : null,
  };
}

/** The contact page the timeline of `liveKey` will ask for (its keys: the customer's merged keys), if noted. */
export function expectedContactPage(
  ctx: SubgraphContext,
  liveKey: string,
  mergedKeys: string[],
): ContactPageAsk | null {
  const intent = intents.get(ctx)?.get(liveKey);
  // each source is asked for one more than the page, to know whether there is a next page
  return intent ? contactPageAsk(mergedKeys, intent.first + 1, intent.before) : null;
}

/** Keeps a page fetched ahead for this request. */
export function keepContactPage(ctx: SubgraphContext, ask: ContactPageAsk, contacts: TrafficContact[]): void {
  const map = fetched.get(ctx) ?? new Map<string, TrafficContact[]>();
  fetched.set(ctx, map);
  map.set(contactPageKey(ask), contacts);
}

/** A page fetched ahead for exactly this ask in this request, if any (taken once). */
export function takeContactPage(ctx: SubgraphContext, ask: ContactPageAsk): TrafficContact[] | null {
  const map = fetched.get(ctx);
  const key = contactPageKey(ask);
  const page = map?.get(key) ?? null;
  map?.delete(key);
  return page;
}
