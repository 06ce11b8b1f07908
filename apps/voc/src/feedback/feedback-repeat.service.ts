import type { EntityManager } from '@mikro-orm/postgresql';
import { contactKey, type VocReferences } from '../references/voc-references';

/** The repeat window (METRICS.md FCR default): another contact within 7 days after. */
export const REPEAT_WINDOW_DAYS = 7;
/** Feedback settled per pass: 10 gateway calls of 500 contacts at most; the rest waits for the next. */
export const REPEAT_SETTLE_LIMIT = 5_000;

/**
 * Settles the repeat flag of feedback whose contact's repeat window has closed (its arrival at least
 * REPEAT_WINDOW_DAYS before `now`) and was not asked yet: traffic says, in batches of 500 contacts,
 * whether the customer came back; a contact traffic cannot judge (no customer key) or no longer knows
 * is settled as unknown (null), so it is asked once. Returns how many were settled.
 */
export async function settleRepeatContacts(
  em: EntityManager,
  references: VocReferences,
  now: Date,
  limit = REPEAT_SETTLE_LIMIT,
): Promise<number> {
  const due = await em.execute<{ id: string; source: string; external_id: string }[]>(
    `select f.id, i.contact_source as source, i.contact_external_id as external_id
       from voc_feedback f
       join voc_survey_response r on r.id = f.response_id
       join voc_survey_invitation i on i.id = r.invitation_id
      where f.repeat_checked_at is null and f.occurred_at <= ?::timestamptz - ? * interval '1 day'
      order by f.occurred_at limit ?`,
    [now, REPEAT_WINDOW_DAYS, limit],
  );
  if (!due.length) return 0;
  const flags = await references.repeats(
    due.map((d) => ({ source: d.source, externalId: d.external_id })),
    REPEAT_WINDOW_DAYS,
  );
  await em.execute(
    `update voc_feedback f set repeat_contact = v.repeated, repeat_checked_at = ?
       from jsonb_to_recordset(?::jsonb) as v(id uuid, repeated boolean)
      where f.id = v.id and f.repeat_checked_at is null`,
    [
      now,
      JSON.stringify(
        due.map((d) => ({
          id: d.id,
          repeated: flags.get(contactKey({ source: d.source, externalId: d.external_id })) ?? null,
        })),
      ),
    ],
  );
  return due.length;
}
