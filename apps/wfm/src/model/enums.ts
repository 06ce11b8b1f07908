import { registerEnumType } from 'type-graphql';

/**
 * wfm's model floor: the enums its GraphQL types and services share, registered for GraphQL. It
 * imports no feature (a lint rule keeps it so), so every feature may import it.
 */

export enum StaffingRiskEnum {
  P50 = 'P50',
  P75 = 'P75',
  P90 = 'P90',
}
registerEnumType(StaffingRiskEnum, {
  name: 'StaffingRisk',
  description:
    'The forecast quantile agents are required for: P50 the point forecast; P75 or P90 a busier interval (staff for the risk you choose)',
  valuesConfig: {
    P50: { description: 'The point forecast (p50)' },
    P75: { description: 'Between p50 and p90 as a normal distribution would put it, at least Poisson’s p75' },
    P90: { description: 'The band’s p90: one interval in ten is expected busier' },
  },
});

export enum StaffingModel {
  ERLANG_C = 'ERLANG_C',
  ERLANG_A = 'ERLANG_A',
}
registerEnumType(StaffingModel, { name: 'StaffingModel' });

export enum ExceptionImpact {
  POSITIVE = 'POSITIVE',
  NEGATIVE = 'NEGATIVE',
  NEUTRAL = 'NEUTRAL',
}
registerEnumType(ExceptionImpact, {
  name: 'ExceptionImpact',
  description: 'POSITIVE: on queue when scheduled off it; NEGATIVE: off queue when scheduled on it',
});

export enum ForecastLeadEnum {
  INTRADAY = 'INTRADAY',
  DAY_AHEAD = 'DAY_AHEAD',
  WEEK_AHEAD = 'WEEK_AHEAD',
}
registerEnumType(ForecastLeadEnum, {
  name: 'ForecastLead',
  description: 'How long before the day a forecast is made',
});
