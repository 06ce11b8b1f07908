import { badUserInput, type FieldProblem } from '@switchboard/server';
import { contactKey, type ContactKey, type QaReferences } from './qa-references';

/** Staff roles whose people score contacts: QA evaluators, and the leads and managers who coach. */
export const EVALUATOR_ROLES: readonly string[] = ['QA_EVALUATOR', 'TEAM_LEAD', 'CENTER_MANAGER'];

/** One person a write names: the argument that names them, and whether they must be an evaluator. */
export interface NamedPerson {
  field: string;
  employeeNo: string;
  evaluator?: boolean;
}

/**
 * Every person named exists in staff (one batched lookup); evaluators hold an evaluating role and
 * have not left. BAD_USER_INPUT naming each field that fails; nothing is read of QA's own rows.
 */
export async function checkPeople(references: QaReferences, people: readonly NamedPerson[]): Promise<void> {
  if (!people.length) return;
  const known = await references.staff(people.map((p) => p.employeeNo));
  const problems: FieldProblem[] = [];
  for (const { field, employeeNo, evaluator } of people) {
    const member = known.get(employeeNo);
    if (!member) problems.push({ field, message: `no staff member has employee number "${employeeNo}"` });
    else if (evaluator && !EVALUATOR_ROLES.includes(member.role))
      problems.push({
        field,
        message: `"${employeeNo}" is ${member.role}, not an evaluator (${EVALUATOR_ROLES.join(', ')})`,
      });
    else if (evaluator && member.status === 'TERMINATED')
      problems.push({ field, message: `"${employeeNo}" has left (TERMINATED)` });
  }
  if (problems.length) throw badUserInput(problems);
}

/** The contact exists in traffic and the agent handled it (without saying who did, when not them). */
export async function checkContactOf(
  references: QaReferences,
  contact: ContactKey,
  agentEmployeeNo: string,
  field: string,
): Promise<void> {
  const found = (await references.contacts([contact])).get(contactKey(contact));
  if (!found)
    throw badUserInput({
      field,
      message: `traffic holds no contact with source "${contact.source}" and externalId "${contact.externalId}"`,
    });
  if (found.agentEmployeeNo !== agentEmployeeNo)
    throw badUserInput({
      field,
      message: `the contact (source, externalId) was not handled by agentEmployeeNo "${agentEmployeeNo}"`,
    });
}

/** Every queue code is one traffic knows. */
export async function checkQueueCodes(
  references: QaReferences,
  codes: readonly string[],
  field: string,
): Promise<void> {
  if (!codes.length) return;
  const known = await references.queueCodes();
  const unknown = [...new Set(codes)].filter((code) => !known.has(code));
  if (unknown.length)
    throw badUserInput({
      field,
      message: `traffic has no queue with code ${unknown.map((c) => `"${c}"`).join(', ')}`,
    });
}
