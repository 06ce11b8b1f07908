import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, conflict } from '@switchboard/server';
import { normalizeCustomerKey } from './customer-key';
import { Customer, CustomerMerge, type Segment } from './customer.entity';
import { decryptPii, encryptPii } from './pii-crypto';

/** Merges chain (a → b, later b → c): a key is followed at most this many steps. */
const MAX_MERGE_HOPS = 16;

/**
 * The live key of each given key, in order: normalized, then followed through recorded merges
 * (one statement per hop for the whole batch). A key no one knows stays itself.
 */
export async function resolveCustomerKeys(em: EntityManager, raw: readonly string[]): Promise<string[]> {
  const keys = raw.map((k) => normalizeCustomerKey(k) ?? k);
  const into = new Map<string, string>();
  let pending = [...new Set(keys)];
  for (let hop = 0; hop < MAX_MERGE_HOPS && pending.length; hop++) {
    const merges = await em.find(CustomerMerge, { fromKey: { $in: pending } });
    for (const m of merges) into.set(m.fromKey, m.intoKey);
    pending = merges.map((m) => m.intoKey).filter((k) => !into.has(k));
  }
  const follow = (key: string): string => {
    let k = key;
    for (let hop = 0; hop < MAX_MERGE_HOPS && into.has(k); hop++) k = into.get(k) as string;
    return k;
  };
  return keys.map(follow);
}

export interface CustomerInput {
  customerKey: string;
  segment?: Segment | null;
  name?: string | null;
  phone?: string | null;
}

export class CustomerService {
  constructor(private readonly em: EntityManager) {}

  /** Creates or updates a customer (a merged key is refused: write to the key it was merged into). */
  async save(input: CustomerInput): Promise<Customer> {
    const key = normalizeCustomerKey(input.customerKey);
    if (!key) throw badUserInput({ field: 'input.customerKey', message: 'must not be empty' });
    return this.em.transactional(async (em) => {
      const [live] = await resolveCustomerKeys(em, [key]);
      if (live !== key)
        throw conflict(`${key} was merged into ${live}: write to ${live}`, 'input.customerKey');
      let row = await em.findOne(Customer, { customerKey: key });
      if (!row) {
        row = em.create(Customer, { customerKey: key });
        em.persist(row);
      }
      if (input.segment) row.segment = input.segment;
      if (input.name !== undefined) row.nameEnc = input.name ? encryptPii(input.name, key) : null;
      if (input.phone !== undefined) row.phoneEnc = input.phone ? encryptPii(input.phone, key) : null;
      await em.flush();
      return row;
    });
  }

  /**
   * Records that `from` is the same customer as `into`: `from` resolves to `into` from now on, its
   * name and phone move to `into` where `into` has none. Both must be known and live.
   */
  async merge(fromRaw: string, intoRaw: string, actor: string): Promise<Customer> {
    const from = normalizeCustomerKey(fromRaw);
    const into = normalizeCustomerKey(intoRaw);
    if (!from) throw badUserInput({ field: 'from', message: 'must not be empty' });
    if (!into) throw badUserInput({ field: 'into', message: 'must not be empty' });
    if (from === into)
      throw badUserInput({ field: 'into', message: 'a customer cannot be merged into itself' });
    return this.em.transactional(async (em) => {
      const rows = await em.find(Customer, { customerKey: { $in: [from, into] } });
      const source = rows.find((r) => r.customerKey === from);
      const target = rows.find((r) => r.customerKey === into);
      const [fromLive, intoLive] = await resolveCustomerKeys(em, [from, into]);
      if (fromLive !== from) throw conflict(`${from} was already merged into ${fromLive}`, 'from');
      if (intoLive !== into) throw conflict(`${into} was merged into ${intoLive}: merge into that`, 'into');
      if (!source) throw badUserInput({ field: 'from', message: `no customer "${from}"` });
      if (!target) throw badUserInput({ field: 'into', message: `no customer "${into}"` });
      if (!target.nameEnc && source.nameEnc)
        target.nameEnc = encryptPii(decryptPii(source.nameEnc, from), into);
      if (!target.phoneEnc && source.phoneEnc)
        target.phoneEnc = encryptPii(decryptPii(source.phoneEnc, from), into);
      em.persist(em.create(CustomerMerge, { fromKey: from, intoKey: into, mergedBy: actor }));
      await em.flush();
      return target;
    });
  }
}
