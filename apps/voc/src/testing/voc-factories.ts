import { postGraphQL } from '@switchboard/testing';

/** Makes voc records over real HTTP, as an administrator, for tests. */
export class VocFactory {
  constructor(private readonly url: string) {}

  async surveyForm(input: {
    centerId: string;
    code?: string;
    kind?: 'CSAT' | 'NPS' | 'CES';
    title?: string;
    topBoxMin?: number;
  }): Promise<{ id: string }> {
    const response = await postGraphQL<{ createSurveyForm: { id: string } }>(
      this.url,
      'mutation($i: CreateSurveyFormInput!) { createSurveyForm(input: $i) { id } }',
      { i: { code: 'POST_CALL', kind: 'CSAT', title: 'a test record', ...input } },
    );
    if (!response.data?.createSurveyForm) throw new Error(JSON.stringify(response.errors));
    return response.data.createSurveyForm;
  }
}
