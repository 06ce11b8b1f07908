import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { staffSubgraph } from '@switchboard/staff';
import { startGateway } from '@switchboard/gateway';
import { createLogger, type RunningServer } from '@switchboard/server';
import {
  postGraphQL,
  registerTestEndpoint,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { graphql } from 'graphql';
import gql from 'graphql-tag';
import { composeSupergraph } from '../src/compose/supergraph';

const NOTES_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Agent @key(fields: "employeeNo") { employeeNo: String! note: String }
`;

type Mode = 'ok' | 'slow' | 'error';

/** A second subgraph extending Agent, which the test can stop, slow down or break. */
class NotesSubgraph {
  mode: Mode = 'ok';
  private server: Server | null = null;
  port = 0;
  private readonly schema = buildSubgraphSchema([
    {
      typeDefs: gql(NOTES_SDL),
      resolvers: {
        Agent: {
          __resolveReference: (ref: { employeeNo: string }) => ref,
          note: (agent: { employeeNo: string }) => `note for ${agent.employeeNo}`,
        },
      },
    },
  ]);

  async start(port = 0): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        void (async () => {
          if (this.mode === 'slow') await new Promise((wait) => setTimeout(wait, 3_000));
          if (this.mode === 'error') {
            response.writeHead(500).end('boom');
            return;
          }
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            query: string;
            variables?: Record<string, unknown>;
          };
          const result = await graphql({
            schema: this.schema,
            source: body.query,
            variableValues: body.variables,
          });
          if (!response.destroyed)
            response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
        })();
      });
    });
    await new Promise<void>((done) => this.server?.listen(port, '127.0.0.1', done));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
}

describe('gateway when a subgraph fails', () => {
  const TIMEOUT_MS = 800;
  let staff: TestSubgraph;
  let notes: NotesSubgraph;
  let gateway: RunningServer;
  const query = '{ agents(first: 3) { nodes { employeeNo displayName note } } }';
  type Answer = { agents: { nodes: { employeeNo: string; displayName: string; note: string | null }[] } };

  beforeAll(async () => {
    staff = await startTestSubgraph(staffSubgraph, { seedDemo: true });
    notes = new NotesSubgraph();
    await notes.start();
    const staffSdl = (await staffSubgraph.buildSchema()).sdl;
    gateway = await startGateway({
      supergraphSdl: composeSupergraph([
        { name: 'staff', url: staff.url, sdl: staffSdl },
        { name: 'notes', url: `http://127.0.0.1:${notes.port}/graphql`, sdl: NOTES_SDL },
      ]),
      subgraphTimeoutMs: TIMEOUT_MS,
      port: 0,
      logger: createLogger('gateway'),
    });
    registerTestEndpoint(gateway.url, { kind: 'gateway' });
  });
  afterAll(async () => {
    await gateway.stop();
    await notes.stop();
    await staff.stop();
  });

  const ask = () => postGraphQL<Answer>(gateway.url, query);

  const expectPartial = async (maxMs: number, reason: RegExp) => {
    const started = Date.now();
    const response = await ask();
    expect(Date.now() - started).toBeLessThan(maxMs);
    const nodes = response.data?.agents.nodes ?? [];
    expect(nodes).toHaveLength(3);
    expect(nodes.every((n) => n.displayName && n.note === null)).toBe(true);
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(response.errors?.[0].message).toMatch(reason);
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      serviceName: 'notes',
    });
  };

  const expectWhole = async () => {
    const response = await ask();
    expect(response.errors).toBeUndefined();
    expect(response.data?.agents.nodes.map((n) => n.note)).toEqual(
      response.data?.agents.nodes.map((n) => `note for ${n.employeeNo}`),
    );
  };

  it('answers whole when every subgraph is up', () => expectWhole());

  it('returns staff data and an error naming the subgraph when it is down, whole again when it returns', async () => {
    const port = notes.port;
    await notes.stop();
    await expectPartial(TIMEOUT_MS + 2_000, /^Subgraph "notes" is unreachable/);
    await notes.start(port);
    await expectWhole();
  });

  it('gives up on a slow subgraph at its timeout', async () => {
    notes.mode = 'slow';
    try {
      await expectPartial(TIMEOUT_MS + 1_500, /^Subgraph "notes" did not answer within 800 ms$/);
    } finally {
      notes.mode = 'ok';
    }
    await expectWhole();
  });

  it('returns partial data when a subgraph answers with an HTTP error', async () => {
    notes.mode = 'error';
    try {
      await expectPartial(TIMEOUT_MS + 1_000, /^Subgraph "notes" answered HTTP 500$/);
    } finally {
      notes.mode = 'ok';
    }
    await expectWhole();
  });
});
