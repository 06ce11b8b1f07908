import type { EntityManager } from '@mikro-orm/postgresql';
import {
  INVITATION_MEASURE_SQL,
  RESPONSE_MEASURE_SQL,
  SURVEY_MEASURES,
  type MeasureDelta,
  type SurveyMeasureColumn,
} from './survey-measures';
import { ROLLUP_GRAINS, type RollupGrain } from './survey-rollup.entity';

/** Where a response or invitation counts: its contact's arrival and its attribution. */
export interface RollupAttribution {
  contactArrivedAt: Date;
  centerId: string;
  teamId: string | null;
  agentEmployeeNo: string | null;
  queueCode: string | null;
}

interface RollupRow {
  grain: RollupGrain;
  period_start: string;
  center_id: string;
  team_id: string | null;
  agent_employee_no: string | null;
  queue_code: string | null;
  delta: Record<SurveyMeasureColumn, number>;
}

/** The first day of the UTC day or month of a time, as YYYY-MM-DD. */
export const periodStartOf = (grain: RollupGrain, at: Date): string =>
  grain === 'DAY' ? at.toISOString().slice(0, 10) : `${at.toISOString().slice(0, 7)}-01`;

const KEY_COLUMNS = 'grain, period_start, center_id, team_id, agent_employee_no, queue_code';
const MEASURE_COLUMNS = SURVEY_MEASURES.map((m) => m.column);

/**
 * The changes one write makes to the rollup, summed by key in memory and written with one upsert
 * statement, inside the caller's transaction: the rollup and the raw rows commit together.
 */
export class SurveyRollupDeltas {
  private readonly rows = new Map<string, RollupRow>();

  add(at: RollupAttribution, delta: MeasureDelta): void {
    for (const grain of ROLLUP_GRAINS) {
      const period = periodStartOf(grain, at.contactArrivedAt);
      // AGENT_MONTH keeps the agent and center only
      const team = grain === 'AGENT_MONTH' ? null : at.teamId;
      const queue = grain === 'AGENT_MONTH' ? null : at.queueCode;
      const id = JSON.stringify([grain, period, at.centerId, team, at.agentEmployeeNo, queue]);
      let row = this.rows.get(id);
      if (!row) {
        row = {
          grain,
          period_start: period,
          center_id: at.centerId,
          team_id: team,
          agent_employee_no: at.agentEmployeeNo,
          queue_code: queue,
          delta: Object.fromEntries(MEASURE_COLUMNS.map((c) => [c, 0])) as Record<
            SurveyMeasureColumn,
            number
          >,
        };
        this.rows.set(id, row);
      }
      for (const [column, value] of Object.entries(delta) as [SurveyMeasureColumn, number][])
        row.delta[column] += value;
    }
  }

  get size(): number {
    return this.rows.size;
  }

  /** One statement (none when nothing changed), in `em`'s transaction when it has one. */
  async write(em: EntityManager): Promise<void> {
    if (this.rows.size === 0) return;
    const records = [...this.rows.values()].map(({ delta, ...key }) => ({ ...key, ...delta }));
    await em.execute(
      `insert into voc_survey_rollup (${KEY_COLUMNS}, ${MEASURE_COLUMNS.join(', ')})
       select ${KEY_COLUMNS}, ${MEASURE_COLUMNS.join(', ')}
       from jsonb_to_recordset(?::jsonb) as r(grain text, period_start date, center_id uuid, team_id uuid,
         agent_employee_no text, queue_code text, ${MEASURE_COLUMNS.map((c) => `${c} int`).join(', ')})
       on conflict (${KEY_COLUMNS}) do update set
         ${MEASURE_COLUMNS.map((c) => `${c} = voc_survey_rollup.${c} + excluded.${c}`).join(', ')}`,
      [JSON.stringify(records)],
    );
  }
}

const measureList = (sql: Partial<Record<SurveyMeasureColumn, string>>): string =>
  MEASURE_COLUMNS.map((c) => `${sql[c] ?? '0'} as ${c}`).join(', ');

/**
 * The raw rows' measures per UTC day and attribution, for the given `where` (shared with stats);
 * withdrawn responses count nowhere.
 */
export const rawDaySql = (where: string): string =>
  `select date_trunc('day', contact_arrived_at at time zone 'UTC')::date as period_start, center_id, team_id, agent_employee_no, queue_code, ${measureList(RESPONSE_MEASURE_SQL)}
     from voc_survey_response where withdrawn_at is null and (${where}) group by 1, 2, 3, 4, 5
   union all
   select date_trunc('day', contact_arrived_at at time zone 'UTC')::date, center_id, team_id, agent_employee_no, queue_code, ${measureList(INVITATION_MEASURE_SQL)}
     from voc_survey_invitation where ${where} group by 1, 2, 3, 4, 5`;

/**
 * Rebuilds the whole rollup from the raw rows in one transaction (after a bulk COPY, as the
 * benchmark loads; and to check that the kept rollup equals a fresh one).
 */
export async function rebuildSurveyRollup(em: EntityManager): Promise<number> {
  return em.transactional(async (tx) => {
    // a whole rebuild reads every row: past the service's per-statement timeout on a large table
    await tx.execute('set local statement_timeout = 0');
    await tx.execute('delete from voc_survey_rollup');
    const sums = MEASURE_COLUMNS.map((c) => `sum(${c})`).join(', ');
    await tx.execute(
      `insert into voc_survey_rollup (${KEY_COLUMNS}, ${MEASURE_COLUMNS.join(', ')})
       select 'DAY', period_start, center_id, team_id, agent_employee_no, queue_code, ${sums}
       from (${rawDaySql('true')}) as raw group by 2, 3, 4, 5, 6`,
    );
    // months from the days just written: the raw rows are read once
    await tx.execute(
      `insert into voc_survey_rollup (${KEY_COLUMNS}, ${MEASURE_COLUMNS.join(', ')})
       select 'MONTH', date_trunc('month', period_start)::date, center_id, team_id, agent_employee_no, queue_code, ${sums}
       from voc_survey_rollup where grain = 'DAY' group by 2, 3, 4, 5, 6`,
    );
    // agents' months from the months: team and queue summed away
    await tx.execute(
      `insert into voc_survey_rollup (${KEY_COLUMNS}, ${MEASURE_COLUMNS.join(', ')})
       select 'AGENT_MONTH', period_start, center_id, null, agent_employee_no, null, ${sums}
       from voc_survey_rollup where grain = 'MONTH' group by 2, 3, 5`,
    );
    const [{ n }] = await tx.execute<{ n: string }[]>('select count(*) as n from voc_survey_rollup');
    return Number(n);
  });
}
