import type { GraphQLRequestContextDidResolveOperation, GraphQLRequestListener } from '@apollo/server';
import { parse, type DocumentNode } from 'graphql';
import { controlCharacterGuard } from './control-characters';

type Context = Record<string, never>;

async function check(document: DocumentNode, variables: Record<string, unknown>): Promise<string> {
  const listener = (await controlCharacterGuard<Context>().requestDidStart?.(
    {} as never,
  )) as GraphQLRequestListener<Context>;
  try {
    await listener.didResolveOperation?.({
      request: { variables },
      document,
    } as unknown as GraphQLRequestContextDidResolveOperation<Context>);
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('controlCharacterGuard', () => {
  const query = parse('query ($input: Input) { a(input: $input, note: "plain") }');

  it('names the variable holding a control character, however deep', async () => {
    expect(await check(query, { input: { rows: [{ name: 'ok' }, { name: 'b\u0000d' }] } })).toBe(
      'input.rows.1.name: must not contain control characters',
    );
    expect(await check(query, { input: { rows: [{ name: 'tab\tand\nline' }] } })).toBe('accepted');
  });

  it('names an inline argument holding one, each time the same document comes again', async () => {
    const inline = parse('{ a(filter: { text: "x\\u0001y" }) }');
    expect(await check(inline, {})).toBe('filter.text: must not contain control characters');
    expect(await check(inline, {})).toBe('filter.text: must not contain control characters');
    expect(await check(query, {})).toBe('accepted');
  });
});
