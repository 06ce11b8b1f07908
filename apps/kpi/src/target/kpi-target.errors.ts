import { badUserInput, notFound } from '@switchboard/server';

export const kpiTargetErrors = {
  unknownKpi: (code: string) =>
    badUserInput({ field: 'input.kpiCode', message: `no KPI with code "${code}"` }),
  scopeIdRequired: (type: string) =>
    badUserInput({
      field: 'input.scope.id',
      message: `is required for a ${type} target (a ${type.toLowerCase()} id)`,
    }),
  scopeIdForbidden: () =>
    badUserInput({ field: 'input.scope.id', message: 'must be left out for a GLOBAL target' }),
  badScopeId: (id: string) => badUserInput({ field: 'input.scope.id', message: `"${id}" is not an id` }),
  targetOutOfRange: (unit: string, range: string) =>
    badUserInput({ field: 'input.target', message: `must be ${range} for a ${unit} KPI` }),
  badAmberBand: () => badUserInput({ field: 'input.amberBand', message: 'must be a number >= 0' }),
  amberBandOutOfRange: (unit: string, range: string) =>
    badUserInput({
      field: 'input.amberBand',
      message: `must be no wider than the KPI's range (${range}) for a ${unit} KPI`,
    }),
  validToNotAfter: () => badUserInput({ field: 'input.validTo', message: 'must be after input.validFrom' }),
  // both fields named: either may be the one to change
  segmentNotMeasured: (code: string) =>
    badUserInput([
      {
        field: 'input.segment',
        message: `${code} is not measured per customer segment (SERVICE_LEVEL, ASA, AHT, ABANDON_RATE, TRANSFER_RATE are)`,
      },
      { field: 'input.kpiCode', message: `${code} has no per-segment figures: leave input.segment out` },
    ]),
  segmentScope: () =>
    badUserInput([
      {
        field: 'input.segment',
        message: "a segment's target is a center's, a queue's or GLOBAL (segments are counted per queue)",
      },
      { field: 'input.scope.type', message: 'a TEAM target is for every contact: leave input.segment out' },
    ]),
  notFound: (id: string) => notFound('KpiTarget', 'id', id),
};
