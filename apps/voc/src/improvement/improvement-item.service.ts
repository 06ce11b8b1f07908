import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, conflict, type FieldProblem } from '@switchboard/server';
import { isUuid } from '@switchboard/subgraph-kit';
import { Feedback } from '../feedback/feedback.entity';
import { ImprovementEvidence, ImprovementItem, type ImprovementStatus } from './improvement-item.entity';
import type { CreateImprovementItemInput } from './improvement-item.input';

const NEXT: Record<ImprovementStatus, readonly ImprovementStatus[]> = {
  OPEN: ['IN_PROGRESS', 'DONE', 'CANCELLED'],
  IN_PROGRESS: ['DONE', 'CANCELLED'],
  DONE: [],
  CANCELLED: [],
};

const validDate = (text: string): boolean => {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
};

export interface ItemWithEvidence {
  item: ImprovementItem;
  feedbackIds: string[];
}

export class ImprovementItemService {
  constructor(private readonly em: EntityManager) {}

  /** Checks every field first (all problems at once), then writes the item and its evidence together. */
  async create(input: CreateImprovementItemInput, createdBy: string): Promise<ItemWithEvidence> {
    const centerId = input.centerId.toLowerCase();
    const problems: FieldProblem[] = [];
    if (!validDate(input.dueDate))
      problems.push({ field: 'input.dueDate', message: 'is not a calendar date' });
    const ids = input.feedbackIds.map((id) => id.toLowerCase());
    const found = new Map(
      (await this.em.find(Feedback, { id: ids.filter(isUuid) }, { fields: ['id', 'centerId'] })).map((f) => [
        f.id,
        f,
      ]),
    );
    ids.forEach((id, i) => {
      const feedback = found.get(id);
      if (!feedback)
        problems.push({ field: `input.feedbackIds[${i}]`, message: `no feedback ${input.feedbackIds[i]}` });
      else if (feedback.centerId !== centerId)
        problems.push({ field: `input.feedbackIds[${i}]`, message: 'belongs to another center' });
    });
    if (problems.length) throw badUserInput(problems);
    return this.em.transactional(async (tx) => {
      const item = tx.create(ImprovementItem, {
        centerId,
        title: input.title,
        ownerDepartment: input.ownerDepartment,
        dueDate: input.dueDate,
        createdBy,
      });
      tx.persist(item);
      const unique = [...new Set(ids)];
      for (const feedbackId of unique)
        tx.persist(tx.create(ImprovementEvidence, { itemId: item.id, feedbackId }));
      return { item, feedbackIds: unique.sort() };
    });
  }

  async setStatus(item: ImprovementItem, status: ImprovementStatus, now: Date): Promise<ItemWithEvidence> {
    if (item.status === status) return this.withEvidence(item);
    if (!NEXT[item.status].includes(status))
      throw conflict(`cannot go from ${item.status} to ${status}`, 'status');
    item.status = status;
    if (status === 'DONE' || status === 'CANCELLED') item.closedAt = now;
    await this.em.flush();
    return this.withEvidence(item);
  }

  async withEvidence(item: ImprovementItem): Promise<ItemWithEvidence> {
    return (await this.evidenceOf([item]))[0];
  }

  /** The items with their evidence: one statement for every item. */
  async evidenceOf(items: ImprovementItem[]): Promise<ItemWithEvidence[]> {
    const evidence = items.length
      ? await this.em.find(
          ImprovementEvidence,
          { itemId: items.map((i) => i.id) },
          { orderBy: { feedbackId: 'asc' } },
        )
      : [];
    return items.map((item) => ({
      item,
      feedbackIds: evidence.filter((e) => e.itemId === item.id).map((e) => e.feedbackId),
    }));
  }

  /** Items due in [from, to) and those of them DONE by the end of their due date (UTC). */
  async closure(
    from: string,
    to: string,
    centerIds: string[] | null,
  ): Promise<{ due: number; closedOnTime: number }> {
    for (const [field, value] of [
      ['from', from],
      ['to', to],
    ] as const)
      if (!validDate(value)) throw badUserInput({ field, message: 'must be a date YYYY-MM-DD' });
    if (to <= from) throw badUserInput({ field: 'to', message: 'must be after from' });
    const [row] = await this.em.execute<{ due: number; closed: number }[]>(
      `select count(*)::int as due,
         (count(*) filter (where status = 'DONE' and closed_at < (due_date + 1)::timestamp at time zone 'UTC'))::int as closed
       from voc_improvement_item
       where due_date >= ?::date and due_date < ?::date and status <> 'CANCELLED'
         and (?::boolean or center_id::text in (select jsonb_array_elements_text(?::jsonb)))`,
      [from, to, centerIds === null, JSON.stringify(centerIds ?? [])],
    );
    return { due: row.due, closedOnTime: row.closed };
  }
}
