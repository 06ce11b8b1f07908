import { ApolloServer, HeaderMap } from '@apollo/server';
import { buildSchema } from 'graphql';
import { GRAPHQL_IDE_HTML, graphqlIde } from './graphql-ide';

const schema = buildSchema('type Query { hello: String }');

/** What a browser gets for GET /graphql. */
async function pageFor(plugins: ReturnType<typeof graphqlIde>): Promise<{ status?: number; body: string }> {
  const apollo = new ApolloServer({ schema, plugins });
  await apollo.start();
  try {
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'GET',
        headers: new HeaderMap([['accept', 'text/html']]),
        search: '',
        body: undefined,
      },
      context: async () => ({}),
    });
    const body = response.body.kind === 'complete' ? response.body.string : '';
    return { status: response.status, body };
  } finally {
    await apollo.stop();
  }
}

describe('graphqlIde', () => {
  it("serves this repository's IDE page, which loads nothing from elsewhere", async () => {
    const { body } = await pageFor(graphqlIde(true));
    expect(body).toBe(GRAPHQL_IDE_HTML);
    expect(body).not.toMatch(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    expect(body).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(body).toContain("connect-src 'self'");
  });

  it('is off in production: GET /graphql shows no page at all', async () => {
    const { status, body } = await pageFor(graphqlIde(false));
    expect(body).not.toContain('<html');
    expect(status).toBe(400);
  });

  it('is off when NODE_ENV is production', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect((await pageFor(graphqlIde())).body).not.toContain('<html');
    } finally {
      process.env.NODE_ENV = previous;
    }
  });

  it("replaces Apollo's default landing page, which loads Apollo Sandbox from a CDN", async () => {
    expect((await pageFor([])).body).toMatch(/apollographql\.com/);
  });
});
