import { createPrivateKey } from 'node:crypto';
import {
  createInternalTokenSigner,
  GATEWAY_KEY_ENV,
  generateGatewayKeyPair,
  INTERNAL_TOKEN_TTL_SECONDS,
  signDevelopmentToken,
} from '@switchboard/auth';
import { SignJWT } from 'jose';
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
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Agent { employeeNo } } }`;
    const representations = { r: [{ __typename: 'Agent', employeeNo: 'E10001' }] };
    const SUBGRAPHS = ['staff', 'training', 'qa', 'traffic', 'kpi'];

    /** A token as the gateway mints it, signed with its key, issued `ageSeconds` ago. */
    const internalToken = (subgraph: string, ageSeconds: number): Promise<string> => {
      const issuedAt = Math.floor(Date.now() / 1000) - ageSeconds;
      return new SignJWT({ roles: ['ADMIN'], centers: [], teams: [] })
        .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
        .setIssuer('switchboard-gateway')
        .setSubject('test-admin')
        .setAudience(subgraph)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + INTERNAL_TOKEN_TTL_SECONDS)
        .sign(createPrivateKey(process.env[GATEWAY_KEY_ENV.privateKey] as string));
    };

    it.each(SUBGRAPHS)(
      '%s answers neither _entities nor _service without the gateway token, with an expired one, one for another subgraph, a client token or a forged one',
      async (name) => {
        const url = stack.subgraphs[name].url;
        const other = SUBGRAPHS.find((s) => s !== name) as string;
        const forged = await createInternalTokenSigner({
          SWITCHBOARD_GATEWAY_PRIVATE_KEY: generateGatewayKeyPair().privateKeyPem,
        })(TEST_ADMIN, name);
        const headers = [
          NONE,
          bearer(await internalToken(name, 660)), // expired ten minutes ago
          bearer(await subgraphToken(other)),
          bearer(await clientToken()),
          bearer(forged),
        ];
        for (const header of headers) {
          refused(await postGraphQL(url, ENTITIES, representations, header));
          refused(await postGraphQL(url, '{ _service { sdl } }', {}, header));
        }
        // The same token, fresh, is answered: only its age made the difference.
        const ok = await postGraphQL(url, '{ _service { sdl } }', {}, bearer(await internalToken(name, 0)));
        expect(ok.errors).toBeUndefined();
      },
    );

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
