import { postGraphQL } from '@switchboard/testing';

/** Makes wfm records over real HTTP, as an administrator, for tests. */
export class WfmFactory {
  constructor(private readonly url: string) {}

  async specialDay(input: {
    centerId: string;
    title?: string;
    date?: string;
    kind?: string;
  }): Promise<{ id: string }> {
    const response = await postGraphQL<{ createSpecialDay: { id: string } }>(
      this.url,
      'mutation($i: CreateSpecialDayInput!) { createSpecialDay(input: $i) { id } }',
      { i: { title: 'a test record', date: '2026-12-24', kind: 'HOLIDAY_EVE', ...input } },
    );
    if (!response.data?.createSpecialDay) throw new Error(JSON.stringify(response.errors));
    return response.data.createSpecialDay;
  }
}
