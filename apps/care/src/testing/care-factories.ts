import { postGraphQL } from '@switchboard/testing';

/** Makes care records over real HTTP, as an administrator, for tests. */
export class CareFactory {
  constructor(private readonly url: string) {}

  async case(input: { centerId: string; title?: string }): Promise<{ id: string }> {
    const response = await postGraphQL<{ createCase: { id: string } }>(
      this.url,
      'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }',
      { i: { title: 'a test record', ...input } },
    );
    if (!response.data?.createCase) throw new Error(JSON.stringify(response.errors));
    return response.data.createCase;
  }
}
