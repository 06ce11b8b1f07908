import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clientToken } from '@switchboard/testing';
import { parse, type OperationDefinitionNode } from 'graphql';
import { startTestStack, type TestStack } from './stack';

const ROOT = resolve(__dirname, '..', '..');

interface Example {
  file: string;
  line: number;
  query: string;
}

/** Every ```graphql block of the README and docs/, with where it stands. */
function examples(): Example[] {
  const files = [
    'README.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`),
  ];
  return files.flatMap((file) => {
    const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
    const found: Example[] = [];
    lines.forEach((text, index) => {
      if (text.trim() !== '```graphql') return;
      const end = lines.findIndex((candidate, at) => at > index && candidate.trim() === '```');
      found.push({ file, line: index + 1, query: lines.slice(index + 1, end).join('\n') });
    });
    return found;
  });
}

/**
 * The variables an example may declare, each with the lookup its comment tells the reader to run
 * (ids differ from one install to the next; codes do not).
 */
const LOOKUP = `{
  center(code: "SHA-01") { id }
  team(code: "SHA-CARDS-1") { id }
  courses { id code }
}`;

describe('every GraphQL example of the README and docs/ runs against the demo', () => {
  let stack: TestStack;
  let token: string;
  let known: Record<string, string>;

  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string }[];
    };
  };

  beforeAll(async () => {
    stack = await startTestStack({ seed: ['staff', 'training', 'qa', 'kpi', 'care'] });
    token = await clientToken();
    const { data } = await post(LOOKUP);
    const lookup = data as { center: { id: string }; team: { id: string }; courses: { id: string }[] };
    known = { centerId: lookup.center.id, teamId: lookup.team.id, courseId: lookup.courses[0].id };
  }, 240_000);

  afterAll(() => stack?.stop());

  const all = examples();

  it('finds the examples', () => {
    expect(all.length).toBeGreaterThanOrEqual(7);
  });

  it.each(all.map((example) => [`${example.file}:${example.line}`, example] as const))(
    '%s answers without errors',
    async (_where, example) => {
      const operation = parse(example.query).definitions[0] as OperationDefinitionNode;
      const variables: Record<string, unknown> = {};
      for (const definition of operation.variableDefinitions ?? []) {
        const name = definition.variable.name.value;
        expect(known).toHaveProperty(name);
        variables[name] = known[name];
      }
      const answer = await post(example.query, variables);
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toBeTruthy();
      for (const value of Object.values(answer.data ?? {})) expect(value).not.toBeNull();
    },
  );
});
