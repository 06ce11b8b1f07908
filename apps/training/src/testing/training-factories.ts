import { postGraphQL } from '@switchboard/testing';

let sequence = 0;
const next = (): number => ++sequence;

export interface CreatedCourse {
  id: string;
  code: string;
}

export interface CreatedExam {
  id: string;
  code: string;
}

/** Builds courses and exams through the API, each with a fresh code unless one is given. */
export class TrainingFactory {
  constructor(private readonly url: string) {}

  async course(input: Record<string, unknown> = {}): Promise<CreatedCourse> {
    const response = await postGraphQL<{ createCourse: CreatedCourse }>(
      this.url,
      'mutation($input: CreateCourseInput!) { createCourse(input: $input) { id code } }',
      {
        input: { code: `C-${next()}`, title: 'A course', category: 'PRODUCT_KNOWLEDGE', hours: 2, ...input },
      },
    );
    if (!response.data) throw new Error(`course: ${JSON.stringify(response.errors)}`);
    return response.data.createCourse;
  }

  async exam(courseId: string, input: Record<string, unknown> = {}): Promise<CreatedExam> {
    const response = await postGraphQL<{ createExam: CreatedExam }>(
      this.url,
      'mutation($input: CreateExamInput!) { createExam(input: $input) { id code } }',
      { input: { courseId, code: `X-${next()}`, passMark: 80, maxAttempts: 3, ...input } },
    );
    if (!response.data) throw new Error(`exam: ${JSON.stringify(response.errors)}`);
    return response.data.createExam;
  }
}
