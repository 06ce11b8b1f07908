import { postGraphQL } from '@switchboard/testing';
import type { ContactKey } from '../references/traffic-contacts';

export interface OpenedCase {
  id: string;
  caseNo: string;
  version: number;
  status: string;
}

export const CASE_FIELDS = 'id caseNo version status customerKey handoffCount reopenCount ownerDepartment';

/** Makes care records over real HTTP, as an administrator, for tests. */
export class CareFactory {
  constructor(private readonly url: string) {}

  /** Opens a case from a contact the world double (or traffic) knows. */
  async case(input: {
    centerId: string;
    contact: ContactKey;
    [field: string]: unknown;
  }): Promise<OpenedCase> {
    const response = await postGraphQL<{ openCase: OpenedCase }>(
      this.url,
      `mutation($i: OpenCaseInput!) { openCase(input: $i) { ${CASE_FIELDS} } }`,
      {
        i: {
          type: 'COMPLAINT',
          categoryCode: 'CARD.DELIVERY',
          title: 'a test case',
          department: 'Cards',
          ...input,
          contact: { source: input.contact.source, externalId: input.contact.externalId },
        },
      },
    );
    if (!response.data?.openCase) throw new Error(JSON.stringify(response.errors));
    return response.data.openCase;
  }

  async customer(input: { customerKey: string; [field: string]: unknown }): Promise<{ customerKey: string }> {
    const response = await postGraphQL<{ saveCustomer: { customerKey: string } }>(
      this.url,
      'mutation($i: SaveCustomerInput!) { saveCustomer(input: $i) { customerKey } }',
      { i: input },
    );
    if (!response.data?.saveCustomer) throw new Error(JSON.stringify(response.errors));
    return response.data.saveCustomer;
  }
}
