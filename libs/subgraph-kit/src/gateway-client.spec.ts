import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { queryGateway } from './gateway-client';

/** A stand-in gateway answering every request with `body`. */
async function gatewayAnswering(body: unknown): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

async function errorOf(body: unknown): Promise<GraphQLError> {
  const gateway = await gatewayAnswering(body);
  try {
    await queryGateway('{ kpiDefinitions { code } }', {}, { purpose: 'roster', url: gateway.url });
  } catch (error) {
    return error as GraphQLError;
  } finally {
    gateway.server.close();
  }
  throw new Error('queryGateway did not fail');
}

describe('queryGateway', () => {
  it("refuses, under test, an operation the gateway's public schema does not have, before asking", async () => {
    let asked = false;
    const server = createServer((_request, response) => {
      asked = true;
      response.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      await expect(
        queryGateway('{ customer(key: "x") { complaintsPer10k } }', {}, { purpose: 'sales guardrail', url }),
      ).rejects.toThrow(/^sales guardrail: the gateway's schema refuses the operation: .*complaintsPer10k/);
      expect(asked).toBe(false);
    } finally {
      server.close();
    }
  });

  it('keeps the code and fields of a request the gateway refused (issue 17: bad input is not an outage)', async () => {
    const fields = [{ field: 'employeeNo', message: 'must not contain control characters' }];
    const error = await errorOf({
      data: null,
      errors: [
        {
          message: 'employeeNo: must not contain control characters',
          extensions: { code: 'BAD_USER_INPUT', fields },
        },
      ],
    });
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', fields });
    expect(error.message).toBe('roster: employeeNo: must not contain control characters');
  });

  it('reports a gateway answer without data and without a request error as SUBGRAPH_UNAVAILABLE', async () => {
    const error = await errorOf({
      data: null,
      errors: [{ message: 'Subgraph "staff" is unreachable', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
    });
    expect(error.extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
  });
});
