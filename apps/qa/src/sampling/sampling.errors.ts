import { badUserInput, notFound } from '@switchboard/server';

export const samplingErrors = {
  notFound: (id: string) => notFound('SamplingPlan', 'id', id),
  codeTaken: (code: string) =>
    badUserInput({ field: 'code', message: `"${code}" is already used by another plan` }),
  agentTwice: (employeeNo: string) =>
    badUserInput({ field: 'assignments', message: `agent "${employeeNo}" is assigned more than once` }),
};
