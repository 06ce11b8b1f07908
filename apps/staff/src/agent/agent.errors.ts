import { badUserInput, notFound } from '@switchboard/server';

export const agentErrors = {
  notFound: (id: string) => notFound('Agent', 'id', id),
  employeeNoTaken: (employeeNo: string) =>
    badUserInput({ field: 'employeeNo', message: `"${employeeNo}" is already used by another agent` }),
  unknownTeam: (field: string, id: string) => badUserInput({ field, message: `no team with id "${id}"` }),
  unknownSkills: (codes: string[]) =>
    badUserInput({ field: 'skills.skillCode', message: `unknown skill code(s): ${codes.join(', ')}` }),
  duplicateSkill: (code: string) =>
    badUserInput({ field: 'skills', message: `skill "${code}" is listed twice` }),
  terminated: (employeeNo: string) =>
    badUserInput({
      field: 'id',
      message: `agent "${employeeNo}" is terminated; rehire them under a new record`,
    }),
  futureDate: (field: string) =>
    badUserInput({ field, message: 'must not be in the future (scheduled changes are not supported yet)' }),
  beforeCurrentAssignment: (field: string, from: string) =>
    badUserInput({ field, message: `must not be before the current team assignment began (${from})` }),
  sameTeam: () => badUserInput({ field: 'teamId', message: 'the agent is already in this team' }),
  beforeHire: (field: string, hireDate: string) =>
    badUserInput({ field, message: `must not be before the hire date (${hireDate})` }),
};
