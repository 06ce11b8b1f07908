import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { visibleCasesSql } from '../access/care-access';
import { Case, CaseEvent } from '../case/case.entity';
import { caseById } from '../case/case.loader';
import { toCaseEventType, toCaseType } from '../case/case.mapper';
import { careNow } from '../care-services';
import { Commitment } from '../commitment/commitment.entity';
import { toCommitmentType } from '../commitment/commitment.mapper';
import { storedKeyForms } from '../customer/customer-key';
import { commitmentOrigin } from '../service-recovery/service-recovery.service';
import { contactsOfCustomer, type TrafficContact } from '../references/traffic-contacts';
import { contactPageAsk, CONTACT_RANK, takeContactPage } from './timeline-prefetch';
import type { TimelinePosition } from './timeline-cursor';
import { TimelineItemType, TimelineKind } from './timeline.type';

/**
 * Where a keyset page stands: items are ordered newest first by (at, rank, k1, k2), all descending,
 * strings compared by code unit (SQL: collate "C"). `rank` tells the sources apart at the same
 * instant (contacts 3, commitments 2, case events 1).
 */
export type { TimelinePosition } from './timeline-cursor';

export interface TimelineEntry {
  position: TimelinePosition;
  item: TimelineItemType;
}

/**
 * One kind of thing on a customer's timeline. `page` returns up to `first` entries strictly after
 * `before` in timeline order (null: from the newest), newest first, already scoped to the caller.
 * Add a source to TIMELINE_SOURCES (commitments, complaints, surveys) and the timeline merges it.
 */
export interface TimelineSource {
  name: string;
  rank: number;
  page(
    ctx: SubgraphContext,
    customerKeys: string[],
    first: number,
    before: TimelinePosition | null,
  ): Promise<TimelineEntry[]>;
}

/** The SQL keyset condition of a source of rank `rank` over columns (at, k1, k2). */
export function keysetSql(
  rank: number,
  before: TimelinePosition | null,
  columns: [string, string, string],
): { sql: string; params: unknown[] } {
  const [at, k1, k2] = columns;
  if (!before) return { sql: 'true', params: [] };
  if (before.rank > rank) return { sql: `${at} <= ?`, params: [before.at] };
  if (before.rank < rank) return { sql: `${at} < ?`, params: [before.at] };
  return {
    sql: `(${at} < ? or (${at} = ? and (${k1} collate "C" < ? or (${k1} collate "C" = ? and ${k2} < ?))))`,
    params: [before.at, before.at, before.k1, before.k1, before.k2],
  };
}

/** Every contact on every channel, from traffic through the gateway (one call per page, or none when fetched ahead). */
export const contactSource: TimelineSource = {
  name: 'contacts',
  rank: CONTACT_RANK,
  async page(ctx, customerKeys, first, before) {
    const ask = contactPageAsk(customerKeys, first, before);
    const contacts =
      takeContactPage(ctx, ask) ?? (await contactsOfCustomer(ask.customerKeys, ask.first, ask.before));
    const cases = await linkedCases(ctx, contacts);
    return contacts.map((c) => ({
      position: {
        at: new Date(c.arrivedAt).toISOString(),
        rank: CONTACT_RANK,
        k1: c.source,
        k2: c.externalId,
      },
      item: Object.assign(new TimelineItemType(), {
        kind: TimelineKind.CONTACT,
        at: new Date(c.arrivedAt),
        channel: c.channel,
        agent: c.agent ? { employeeNo: c.agent.employeeNo } : null,
        queueCode: c.queueCode,
        contact: {
          source: c.source,
          externalId: c.externalId,
          channel: c.channel,
          direction: c.direction,
          outcome: c.outcome,
          queueCode: c.queueCode,
        },
        case: cases.get(JSON.stringify([c.source, c.externalId])) ?? null,
        caseEvent: null,
      }),
    }));
  },
};

/** The visible case each contact of a page is linked to: one statement for the page. */
async function linkedCases(ctx: SubgraphContext, contacts: TrafficContact[]) {
  const found = new Map<string, ReturnType<typeof toCaseType>>();
  if (!contacts.length) return found;
  const visible = visibleCasesSql(await ctx.scope(), 'c');
  const rows = await ctx.em.execute<
    (Record<string, unknown> & { l_source: string; l_external_id: string })[]
  >(
    `select c.*, l.source as l_source, l.external_id as l_external_id
       from jsonb_to_recordset(?::jsonb) as k(source text, "externalId" text)
       join case_contact l on l.source = k.source and l.external_id = k."externalId"
       join care_case c on c.id = l.case_id
      where ${visible.sql}`,
    [
      JSON.stringify(contacts.map((c) => ({ source: c.source, externalId: c.externalId }))),
      ...visible.params,
    ],
  );
  for (const row of rows) {
    const { l_source, l_external_id, ...rest } = row;
    found.set(JSON.stringify([l_source, l_external_id]), toCaseType(ctx.em.map(Case, rest)));
  }
  return found;
}

const EVENT_RANK = 1;

/** Every event of every case of the customer the caller sees (opening, moves, links, hand-offs). */
export const caseEventSource: TimelineSource = {
  name: 'case events',
  rank: EVENT_RANK,
  async page(ctx, customerKeys, first, before) {
    const visible = visibleCasesSql(await ctx.scope(), 'c');
    const keyset = keysetSql(EVENT_RANK, before, ['e.at', 'e.case_id::text', 'e.seq']);
    const rows = await ctx.em.execute<Record<string, unknown>[]>(
      `select e.* from care_case c join case_event e on e.case_id = c.id
        where c.customer_key in (select jsonb_array_elements_text(?::jsonb)) and ${visible.sql} and ${keyset.sql}
        order by e.at desc, e.case_id::text collate "C" desc, e.seq desc
        limit ?`,
      [JSON.stringify(customerKeys), ...visible.params, ...keyset.params, first],
    );
    const events = rows.map((row) => ctx.em.map(CaseEvent, row));
    const cases = await caseById(ctx).loadMany([...new Set(events.map((e) => e.caseId))]);
    const byId = new Map(cases.flatMap((c) => (c && !(c instanceof Error) ? [[c.id, c] as const] : [])));
    return events.map((event) => {
      const kase = byId.get(event.caseId);
      return {
        position: { at: event.at.toISOString(), rank: EVENT_RANK, k1: event.caseId, k2: event.seq },
        item: Object.assign(new TimelineItemType(), {
          kind: TimelineKind.CASE_EVENT,
          at: event.at,
          channel: null,
          agent: null,
          queueCode: null,
          contact: null,
          case: kase ? toCaseType(kase) : null,
          caseEvent: toCaseEventType(event),
        }),
      };
    });
  },
};

const COMMITMENT_RANK = 2;

/**
 * Every commitment made to the customer that the caller sees (their own, their team's, their
 * centers', as seesCommitment), at the time it was made, with its origin: a service recovery's shows
 * the survey answer it came from. One statement per page.
 */
export const commitmentSource: TimelineSource = {
  name: 'commitments',
  rank: COMMITMENT_RANK,
  async page(ctx, customerKeys, first, before) {
    const scope = await ctx.scope();
    const list = (values: readonly string[] | null) => JSON.stringify(values ?? []);
    const visible = scope.all
      ? { sql: 'true', params: [] as unknown[] }
      : {
          sql: `(m.owner_employee_no in (select jsonb_array_elements_text(?::jsonb))
            or m.team_id::text in (select jsonb_array_elements_text(?::jsonb))
            or m.center_id::text in (select jsonb_array_elements_text(?::jsonb)))`,
          params: [list(scope.employeeNos), list(scope.teamIds), list(scope.centerIds)],
        };
    const keyset = keysetSql(COMMITMENT_RANK, before, ['m.made_at', 'm.id::text', '0']);
    // a commitment keeps the customer key as traffic gave it: every stored form of the customer's keys
    const forms = [...new Set(customerKeys.flatMap(storedKeyForms))];
    const rows = await ctx.em.execute<Record<string, unknown>[]>(
      `select m.* from care_commitment m
        where m.customer_key in (select jsonb_array_elements_text(?::jsonb)) and ${visible.sql} and ${keyset.sql}
        order by m.made_at desc, m.id::text collate "C" desc
        limit ?`,
      [JSON.stringify(forms), ...visible.params, ...keyset.params, first],
    );
    const now = careNow();
    return rows.map((row) => {
      const commitment = ctx.em.map(Commitment, row);
      return {
        position: { at: commitment.madeAt.toISOString(), rank: COMMITMENT_RANK, k1: commitment.id, k2: 0 },
        item: Object.assign(new TimelineItemType(), {
          kind: TimelineKind.COMMITMENT,
          at: commitment.madeAt,
          channel: commitment.channel,
          agent: null,
          queueCode: null,
          contact: null,
          case: null,
          caseEvent: null,
          commitment: toCommitmentType(commitment, now),
          origin: commitmentOrigin(commitment),
        }),
      };
    });
  },
};

/** The sources a timeline merges, in no particular order (each ranks itself). */
export const TIMELINE_SOURCES: TimelineSource[] = [contactSource, caseEventSource, commitmentSource];
