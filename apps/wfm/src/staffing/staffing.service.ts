import { erlangAStaffing, erlangCStaffing } from '@switchboard/metrics';
import type { StaffingInput } from './staffing.input';
import { StaffingModel, StaffingType } from './staffing.type';

/** Erlang C, or Erlang A when the callers' patience is given; formulas from libs/metrics. */
export function staffingFor(input: StaffingInput): StaffingType {
  const workload = {
    callsPerInterval: input.callsPerInterval,
    ahtSeconds: input.ahtSeconds,
    intervalSeconds: input.intervalMinutes * 60,
  };
  const targets = {
    targetAnswerSeconds: input.targetAnswerSeconds,
    targetServiceLevel: input.targetServiceLevel,
    maxOccupancy: input.maxOccupancy,
    shrinkage: input.shrinkage,
  };
  const patience = input.patienceSeconds ?? null;
  const result =
    patience === null ? erlangCStaffing(workload, targets) : erlangAStaffing(workload, targets, patience);
  return Object.assign(new StaffingType(), {
    model: patience === null ? StaffingModel.ERLANG_C : StaffingModel.ERLANG_A,
    erlangs: result.erlangs,
    rawAgents: result.rawAgents,
    scheduledAgents: result.scheduledAgents,
    serviceLevel: result.serviceLevel,
    probabilityOfWaiting: result.probabilityOfWaiting,
    asaSeconds: result.asaSeconds,
    occupancy: result.occupancy,
    probabilityOfAbandon: 'probabilityOfAbandon' in result ? result.probabilityOfAbandon : null,
  });
}
