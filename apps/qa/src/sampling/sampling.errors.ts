import { badUserInput, notFound } from '@switchboard/server';

export const samplingErrors = {
  /** `field`: the argument that named the plan (id, planId). */
  notFound: (id: string, field = 'id') => notFound('SamplingPlan', field, id),
  evaluatesThemself: (employeeNo: string) =>
    badUserInput({
      field: 'assignments',
      message: `evaluatorEmployeeNo "${employeeNo}" cannot be assigned to evaluate themself`,
    }),
  codeTaken: (code: string) =>
    badUserInput({ field: 'code', message: `"${code}" is already used by another plan` }),
  agentTwice: (employeeNo: string) =>
    badUserInput({ field: 'assignments', message: `agent "${employeeNo}" is assigned more than once` }),
};
