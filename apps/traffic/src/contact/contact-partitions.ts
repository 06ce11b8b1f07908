import type { Client } from 'pg';

/**
 * Month partitions of `contact` (docs/DESIGN.md, "Contacts partitioned by month"): made by the
 * migration's SECURITY DEFINER functions, so the service role needs no DDL right.
 */

/** The first day (`YYYY-MM-01`, UTC) of each month the times fall in, once each. */
export function monthsOf(times: Iterable<Date>): string[] {
  const months = new Set<number>();
  for (const t of times) months.add(t.getUTCFullYear() * 12 + t.getUTCMonth());
  return [...months]
    .sort((a, b) => a - b)
    .map((m) => `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}-01`);
}

/** This month and the `ahead` after it, as monthsOf gives them. */
export function monthsAhead(today: Date, ahead: number): string[] {
  return monthsOf(
    Array.from(
      { length: ahead + 1 },
      (_, i) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + i, 1)),
    ),
  );
}

/**
 * Creates the missing partitions of `months` (not those before the retention horizon); returns the
 * horizon, null when no retention ran. Takes the contact writers' lock (a writer already holds it).
 */
export async function readyContactMonths(client: Client, months: string[]): Promise<Date | null> {
  const result = await client.query<{ horizon: Date | null }>(
    'select contact_months_ready($1::date[]) as horizon',
    [months],
  );
  return result.rows[0].horizon;
}

/** Drops the months of contacts before the last `keepMonths` (counting today's); returns how many partitions went. */
export async function applyContactRetention(
  client: Client,
  keepMonths: number,
  today: Date = new Date(),
): Promise<number> {
  const result = await client.query<{ dropped: number }>(
    'select contact_retention_apply($1::int, $2::date) as dropped',
    [keepMonths, today.toISOString().slice(0, 10)],
  );
  return result.rows[0].dropped;
}

/**
 * CONTACT_RETENTION_MONTHS: months of contacts kept, counting the current one (unset, empty or 0:
 * kept forever, the default). Anything else than a whole number throws at start-up.
 */
export function contactRetentionMonths(env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = env.CONTACT_RETENTION_MONTHS?.trim();
  if (!raw || raw === '0') return null;
  const months = Number(raw);
  if (!Number.isInteger(months) || months < 1)
    throw new Error(`CONTACT_RETENTION_MONTHS must be a whole number of months (0: off), got "${raw}"`);
  return months;
}

/** The partitions of `contact` by name (month partitions and the default), in name order. */
export async function contactPartitions(client: Client): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
     where i.inhparent = 'contact'::regclass order by c.relname`,
  );
  return result.rows.map((r) => r.name);
}
