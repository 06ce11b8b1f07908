import { createInternalTokenSigner, generateGatewayKeyPair, signDevelopmentToken } from '@switchboard/auth';
import { clientToken, postGraphQL, subgraphToken, TEST_ADMIN } from '@switchboard/testing';
import { startTestStack, type TestStack } from './stack';

const NONE = { authorization: '' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('access: an authenticated gateway and sealed subgraphs', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ seed: [] });
  });
  afterAll(() => stack.stop());

  const refused = (response: {
    status: number;
    data?: unknown;
    errors?: { extensions?: Record<string, unknown> }[];
  }) => {
    expect(response.status).toBe(401);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.data ?? null).toBeNull();
  };

  describe('the gateway', () => {
    it('refuses a request with no token, an expired one and one signed with another secret', async () => {
      refused(await postGraphQL(stack.gatewayUrl, '{ centers { code } }', {}, NONE));
      refused(
        await postGraphQL(
          stack.gatewayUrl,
          '{ centers { code } }',
          {},
          bearer(await clientToken(TEST_ADMIN, '-5m')),
        ),
      );
      const forged = await signDevelopmentToken(TEST_ADMIN, {
        secret: 'someone-elses-secret-0123456789abcdef',
      });
      refused(await postGraphQL(stack.gatewayUrl, '{ centers { code } }', {}, bearer(forged)));
    });

    it('answers a valid token', async () => {
      const response = await postGraphQL(
        stack.gatewayUrl,
        '{ centers { code } }',
        {},
        bearer(await clientToken()),
      );
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ centers: [] });
    });

    it('refuses a file import with no token before it reaches the traffic service', async () => {
      const counted = await stack.subgraphs.traffic.sql.count(() =>
        fetch(new URL('/import/contacts?format=csv', stack.gatewayUrl), {
          method: 'POST',
          body: 'source,external_id,channel\nx,1,VOICE\n',
        }),
      );
      expect(counted.result.status).toBe(401);
      expect(counted.statements).toHaveLength(0);
    });

    it.each([
      ['too deep', `{ centers { ${'teams { center { '.repeat(7)}code${' } }'.repeat(7)} } }`],
      [
        'too many aliases',
        `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: centers { code }`).join(' ')} }`,
      ],
    ])('rejects a query that is %s before any subgraph is asked', async (_case, query) => {
      const counted = await stack.subgraphs.staff.sql.count(() => postGraphQL(stack.gatewayUrl, query));
      expect(counted.result.errors?.length).toBeGreaterThan(0);
      expect(counted.result.data ?? null).toBeNull();
      expect(counted.statements).toHaveLength(0);
    });

    it('refuses batched HTTP requests', async () => {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(await clientToken()) },
        body: JSON.stringify([{ query: '{ centers { code } }' }, { query: '{ skills { code } }' }]),
      });
      expect(response.status).toBe(400);
    });
  });

  describe('a subgraph called directly', () => {
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agent { employeeNo displayName } } }`;
    const representations = { r: [{ __typename: 'Agent', employeeNo: 'E10001' }] };

    it.each(['staff', 'traffic'])(
      '%s answers neither _entities nor _service without the gateway token',
      async (name) => {
        const url = stack.subgraphs[name].url;
        refused(await postGraphQL(url, ENTITIES, representations, NONE));
        refused(await postGraphQL(url, '{ _service { sdl } }', {}, NONE));
      },
    );

    it('refuses a token the gateway minted for another subgraph, a client token and a forged one', async () => {
      const staff = stack.subgraphs.staff.url;
      refused(await postGraphQL(staff, ENTITIES, representations, bearer(await subgraphToken('traffic'))));
      refused(await postGraphQL(staff, ENTITIES, representations, bearer(await clientToken())));
      const otherKeys = generateGatewayKeyPair();
      const forged = await createInternalTokenSigner({
        SWITCHBOARD_GATEWAY_PRIVATE_KEY: otherKeys.privateKeyPem,
      })(TEST_ADMIN, 'staff');
      refused(await postGraphQL(staff, ENTITIES, representations, bearer(forged)));
    });

    it('answers its own token, as the gateway sends it', async () => {
      const response = await postGraphQL(
        stack.subgraphs.staff.url,
        '{ _service { sdl } }',
        {},
        bearer(await subgraphToken('staff')),
      );
      expect(response.errors).toBeUndefined();
    });

    it("refuses the traffic service's import route without the gateway token", async () => {
      const response = await fetch(new URL('/import/contacts?format=csv', stack.subgraphs.traffic.url), {
        method: 'POST',
        body: 'source,external_id\n',
      });
      expect(response.status).toBe(401);
      expect(
        ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
      ).toBe('UNAUTHENTICATED');
    });
  });
});
