import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode, type Logger } from '@switchboard/server';
import { queryGateway } from '@switchboard/subgraph-kit';
import { GraphQLError } from 'graphql';
import { ServiceRecoveryRequest } from './service-recovery.entity';

/** What care's openServiceRecovery takes (ServiceRecoveryInput). */
export interface ServiceRecoveryAsk {
  responseKey: string;
  centerId: string;
  contact: { source: string; externalId: string };
  agentEmployeeNo: string;
  score: number;
  answeredAt: string;
}

/** Asks care for the recovery; resolves the commitment's id. Throws as queryGateway does. */
export type ServiceRecoverySender = (ask: ServiceRecoveryAsk) => Promise<string>;

const OPEN_SERVICE_RECOVERY = `mutation OpenServiceRecovery($input: ServiceRecoveryInput!) {
  openServiceRecovery(input: $input) { id } }`;

/** care's openServiceRecovery through the gateway, as voc's service identity (SWITCHBOARD_SERVICE_TOKEN). */
export const gatewayServiceRecoverySender: ServiceRecoverySender = async (ask) => {
  const data = await queryGateway<{ openServiceRecovery: { id: string } }>(
    OPEN_SERVICE_RECOVERY,
    { input: ask },
    { purpose: 'service recovery', timeoutMs: 15_000 },
  );
  return data.openServiceRecovery.id;
};

/** Refusals care will give again whatever the retry: the request is done, with the reason kept. */
const FINAL_REFUSALS = new Set<string>([ErrorCode.BadUserInput, ErrorCode.NotFound, ErrorCode.Forbidden]);

export interface RecoveryRun {
  sent: number;
  refused: number;
  failed: number;
}

/**
 * Sends the pending recoveries (oldest first, at most `batch`) to care one by one and notes each
 * answer. A row is noted done only after care answered: a process killed in between leaves it
 * pending and the next run asks again, which care answers with the same commitment (one per
 * response). care unreachable: the row stays pending (attempts counted), for the next run.
 */
export async function sendServiceRecoveries(
  em: EntityManager,
  options: { send?: ServiceRecoverySender; batch?: number; logger?: Logger } = {},
): Promise<RecoveryRun> {
  const send = options.send ?? gatewayServiceRecoverySender;
  const fork = em.fork();
  const pending = await fork.find(
    ServiceRecoveryRequest,
    { doneAt: null },
    { orderBy: { createdAt: 'asc', responseId: 'asc' }, limit: options.batch ?? 200 },
  );
  const run: RecoveryRun = { sent: 0, refused: 0, failed: 0 };
  for (const row of pending) {
    row.attempts += 1;
    try {
      row.commitmentId = await send({
        responseKey: row.responseId,
        centerId: row.centerId,
        contact: { source: row.contactSource, externalId: row.contactExternalId },
        agentEmployeeNo: row.agentEmployeeNo,
        score: row.score,
        answeredAt: row.answeredAt.toISOString(),
      });
      row.doneAt = new Date();
      row.lastError = null;
      run.sent += 1;
    } catch (error) {
      const code = error instanceof GraphQLError ? String(error.extensions.code ?? '') : '';
      row.lastError = (error as Error).message.slice(0, 1000);
      if (FINAL_REFUSALS.has(code)) {
        row.doneAt = new Date();
        run.refused += 1;
      } else run.failed += 1;
      options.logger?.warn({ err: error, responseId: row.responseId }, 'service recovery not opened');
    }
    await fork.flush();
  }
  return run;
}
