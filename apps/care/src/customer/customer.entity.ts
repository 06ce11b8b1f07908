import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import { SEGMENTS, type Segment } from '../model/customer';

export { SEGMENTS, type Segment } from '../model/customer';

/**
 * A customer, keyed by the pseudonymous key traffic's contacts carry (normalized, see
 * customer-key.ts). Name and phone are AES-GCM ciphertext (pii-crypto.ts), never plain.
 */
@Entity({ tableName: 'customer' })
export class Customer {
  [OptionalProps]?: 'createdAt' | 'segment' | 'nameEnc' | 'phoneEnc';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: 'customer_key_unique' })
  customerKey!: string;

  @Enum({ items: () => SEGMENTS, nativeEnumName: 'customer_segment' })
  segment: Segment = 'STANDARD';

  @Property({ type: 'bytea', nullable: true })
  nameEnc: Buffer | null = null;

  @Property({ type: 'bytea', nullable: true })
  phoneEnc: Buffer | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

/** A merge: `fromKey` now resolves to `intoKey` (kept for ever; a key is merged at most once). */
@Entity({ tableName: 'customer_merge' })
export class CustomerMerge {
  [OptionalProps]?: 'mergedAt';

  @PrimaryKey({ type: 'text' })
  fromKey!: string;

  @Property({ type: 'text', index: 'customer_merge_into_idx' })
  intoKey!: string;

  @Property({ type: 'text' })
  mergedBy!: string;

  @Property({ type: 'timestamptz' })
  mergedAt: Date = new Date();
}

/** One read of one PII field of one customer: who, which, when, in which operation. Never the value. */
@Entity({ tableName: 'customer_pii_access' })
export class CustomerPiiAccess {
  [OptionalProps]?: 'id' | 'accessedAt';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  accessedAt!: Date;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text[]' })
  roles!: string[];

  @Property({ type: 'text' })
  field!: string;

  @Property({ type: 'text' })
  customerKey!: string;

  @Property({ type: 'text' })
  operation!: string;

  @Property({ type: 'text' })
  requestId!: string;
}
