import { emptySurveyTotals } from '@switchboard/metrics';
import { responseDelta, statusDelta, SURVEY_MEASURES } from './survey-measures';
import { SurveyRollup } from './survey-rollup.entity';

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const KEY_PROPERTIES = ['id', 'grain', 'periodStart', 'centerId', 'teamId', 'agentEmployeeNo', 'queueCode'];

describe('survey measures', () => {
  it('are exactly the rollup entity’s measure columns and every survey total', () => {
    const columns = Object.keys(new SurveyRollup())
      .filter((p) => !KEY_PROPERTIES.includes(p))
      .map(snake);
    expect(columns.sort()).toEqual(SURVEY_MEASURES.map((m) => m.column).sort());
    expect(SURVEY_MEASURES.map((m) => m.total).sort()).toEqual(Object.keys(emptySurveyTotals()).sort());
  });

  it('count a response and a status move as the raw-row SQL does', () => {
    expect(responseDelta('CSAT', 4, true)).toEqual({ csat_n: 1, csat_top: 1 });
    expect(responseDelta('NPS', 9, null)).toEqual({ nps_n: 1, promoters: 1, detractors: 0 });
    expect(responseDelta('NPS', 6, null)).toEqual({ nps_n: 1, promoters: 0, detractors: 1 });
    expect(responseDelta('CES', 3, null)).toEqual({ ces_n: 1, ces_sum: 3, ces_sq: 9 });
    expect(statusDelta(null, 'SENT')).toEqual({ sent: 1 });
    expect(statusDelta('OPENED', 'FINISHED')).toEqual({ finished: 1, opened: -1 });
  });
});
