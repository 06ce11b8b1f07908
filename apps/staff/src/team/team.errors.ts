import { badUserInput, notFound } from '@switchboard/server';

export const teamErrors = {
  notFound: (id: string) => notFound('Team', 'id', id),
  codeTaken: (code: string) =>
    badUserInput({ field: 'code', message: `"${code}" is already used by another team` }),
  unknownCenter: (id: string) => badUserInput({ field: 'centerId', message: `no center with id "${id}"` }),
  unknownLead: (employeeNo: string) =>
    badUserInput({ field: 'leadEmployeeNo', message: `no agent with employee number "${employeeNo}"` }),
  leadTerminated: (employeeNo: string) =>
    badUserInput({
      field: 'leadEmployeeNo',
      message: `agent "${employeeNo}" is terminated and cannot lead a team`,
    }),
  leadOfAnotherCenter: (employeeNo: string) =>
    badUserInput({
      field: 'leadEmployeeNo',
      message: `agent "${employeeNo}" works in a team of another center and cannot lead a team of this one`,
    }),
  unknownReference: (field: string, id: string) =>
    badUserInput({ field, message: `no team with id "${id}"` }),
};
