import { queryGateway } from '@switchboard/subgraph-kit';

/** How far back an open commitment may have come due and still count as overdue now. */
const LOOKBACK_DAYS = 90;

/**
 * Care's overdue commitments of each center now, through the gateway (traffic never reads care's
 * tables): one request for every center, an alias per center. Replaceable in tests.
 */
export const overdueCommitmentsSource = {
  count: async (centerIds: readonly string[], now: Date): Promise<Map<string, number>> => {
    if (centerIds.length === 0) return new Map();
    const from = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000).toISOString();
    const fields = centerIds
      .map(
        (id, i) =>
          `c${i}: commitmentKpis(centerId: "${id}", from: "${from}", to: "${now.toISOString()}", groupBy: CENTER) { key overdueCommitments }`,
      )
      .join('\n');
    const data = await queryGateway<Record<string, { key: string; overdueCommitments: number }[]>>(
      `{ ${fields} }`,
      {},
      { purpose: 'alert rules (overdue commitments)' },
    );
    return new Map(
      centerIds.map((id, i) => [
        id,
        (data[`c${i}`] ?? []).reduce((sum, row) => sum + row.overdueCommitments, 0),
      ]),
    );
  },
};
