import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { gatewayReferenceSource, requireReferences, staticReferenceSource } from './references';

/** A gateway that knows some keys per lookup field; records every request it gets. */
async function fakeGateway(known: Record<string, string[]>) {
  const requests: { fields: string[]; variables: Record<string, string[]> }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, string[]> };
      const operation = parse(query).definitions[0] as OperationDefinitionNode;
      const fields = operation.selectionSet.selections as FieldNode[];
      requests.push({ fields: fields.map((f) => f.name.value), variables });
      const data = Object.fromEntries(
        fields.map((f) => {
          const alias = f.alias?.value ?? f.name.value;
          const key = (f.selectionSet?.selections[0] as FieldNode).name.value;
          return [
            alias,
            variables[alias].map((v) => (known[f.name.value]?.includes(v) ? { [key]: v } : null)),
          ];
        }),
      );
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ data }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { url, requests, close: () => new Promise((done) => server.close(done)) };
}

describe('references checked through the gateway', () => {
  const center = '0b6f5f4e-36a8-4c1e-9a57-0f7a4e0f2a11';
  const team = '9d1f6a8e-1b1e-4c3a-8f0e-2c6a0e9b7d22';

  it('asks every kind of a write in one request and names each field with unknown values', async () => {
    const gateway = await fakeGateway({ centersById: [center], skillsByCode: ['CARDS'] });
    try {
      const checking = requireReferences(gatewayReferenceSource(gateway.url), [
        { kind: 'center', field: 'centerIds', values: [center.toUpperCase()] },
        { kind: 'team', field: 'teamIds', values: [team] },
        { kind: 'skill', field: 'skillCodes', values: ['CARDS', 'LOANS', 'LOANS'] },
      ]);
      await expect(checking).rejects.toMatchObject({
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'teamIds', message: `no team "${team}"` },
            { field: 'skillCodes', message: 'no skill "LOANS"' },
          ],
        },
      });
      expect(gateway.requests).toEqual([
        {
          fields: ['centersById', 'teamsById', 'skillsByCode'],
          variables: { center: [center], team: [team], skill: ['CARDS', 'LOANS'] },
        },
      ]);
    } finally {
      await gateway.close();
    }
  });

  it('sends batches of 500 keys, and nothing when a write names no record', async () => {
    const codes = Array.from({ length: 1001 }, (_, i) => `E${i}`);
    const gateway = await fakeGateway({ agentsByEmployeeNo: codes });
    try {
      await requireReferences(gatewayReferenceSource(gateway.url), [
        { kind: 'agent', field: 'employeeNos', values: codes },
      ]);
      await requireReferences(gatewayReferenceSource(gateway.url), [
        { kind: 'queue', field: 'queueId', values: [] },
      ]);
      expect(gateway.requests.map((r) => r.variables.agent.length)).toEqual([500, 500, 1]);
    } finally {
      await gateway.close();
    }
  });

  it('is refused as SUBGRAPH_UNAVAILABLE when the gateway does not answer (so nothing is written)', async () => {
    await expect(
      requireReferences(gatewayReferenceSource('http://127.0.0.1:9/graphql'), [
        { kind: 'center', field: 'centerId', values: [center] },
      ]),
    ).rejects.toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
  });

  it('lists at most ten unknown values per field', async () => {
    const values = Array.from({ length: 12 }, (_, i) => `S${i}`);
    await expect(
      requireReferences(staticReferenceSource({}), [{ kind: 'skill', field: 'skills', values }]),
    ).rejects.toThrow(/"S9" and 2 more$/);
  });
});
