import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client } from 'pg';

/**
 * Runs `work` in one transaction on a raw pg connection borrowed from the ORM's pool: the bulk path
 * (COPY) needs the driver, not the ORM. Rolled back on any error, so a batch lands whole or not at all.
 */
export async function inPgTransaction<T>(
  em: EntityManager,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const knexClient = em.getConnection().getKnex().client as {
    acquireConnection(): Promise<Client>;
    releaseConnection(connection: Client): Promise<void>;
  };
  const client = await knexClient.acquireConnection();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await knexClient.releaseConnection(client);
  }
}
