import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, metricsRegistry } from '@switchboard/server';
import {
  configureIngestBatchRecorder,
  gatewayIngestBatchRecorder,
  importBatchRows,
  reportImportBatch,
} from './ingest-batch-report';

const logger = createLogger('kit-test');

async function failures(kind: string): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('switchboard_ingest_batch_reports_total')?.get();
  return (
    metric?.values.find(
      (v) => v.labels.kind === kind && v.labels.outcome === 'failed' && v.labels.service === 'kit',
    )?.value ?? 0
  );
}

describe('importBatchRows', () => {
  it('rejected counts distinct rows; accepted the rest, or none when nothing was written', () => {
    const problems = [{ row: 2 }, { row: 2 }, { row: 5 }];
    expect(importBatchRows({ read: 10, problems })).toEqual({
      rowsRead: 10,
      rowsInserted: 8,
      rowsRejected: 2,
    });
    expect(importBatchRows({ read: 10, problems, applied: false })).toEqual({
      rowsRead: 10,
      rowsInserted: 0,
      rowsRejected: 2,
    });
    // a whole-file problem on a row past the data never makes rejected exceed read
    expect(importBatchRows({ read: 1, problems: [{ row: 1 }, { row: 9 }] })).toEqual({
      rowsRead: 1,
      rowsInserted: 0,
      rowsRejected: 1,
    });
  });
});

describe('reportImportBatch', () => {
  let server: Server;
  const seen: {
    headers: IncomingHttpHeaders;
    body: { query: string; variables: { input: Record<string, unknown> } };
  }[] = [];
  let answer: unknown = { data: { recordIngestBatch: { recorded: true } } };

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ headers: request.headers, body: JSON.parse(body) });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.SWITCHBOARD_GATEWAY_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    process.env.SWITCHBOARD_SERVICE_TOKEN = 'the-kit-service-token';
  });
  afterAll(async () => {
    delete process.env.SWITCHBOARD_GATEWAY_URL;
    delete process.env.SWITCHBOARD_SERVICE_TOKEN;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends recordIngestBatch through the gateway with the service token and the counts', async () => {
    const restore = configureIngestBatchRecorder(gatewayIngestBatchRecorder);
    try {
      const outcome = await reportImportBatch(
        { service: 'kit', kind: 'ROSTER', source: 'hr', latestEventAt: new Date('2026-03-02T01:00:00Z') },
        { read: 3, problems: [{ row: 3 }] },
        logger,
      );
      expect(outcome).toBe('recorded');
      const [request] = seen.splice(0);
      expect(request.headers.authorization).toBe('Bearer the-kit-service-token');
      expect(request.body.query).toContain('recordIngestBatch');
      expect(request.body.variables.input).toEqual({
        kind: 'ROSTER',
        source: 'hr',
        centerId: null,
        batchKey: expect.stringMatching(/^kit:[0-9a-f-]{36}$/),
        rowsRead: 3,
        rowsInserted: 2,
        rowsRejected: 1,
        latestEventAt: '2026-03-02T01:00:00.000Z',
      });
    } finally {
      restore();
    }
  });

  it('a refused or unreachable report is logged and counted, never thrown', async () => {
    const restore = configureIngestBatchRecorder(gatewayIngestBatchRecorder);
    try {
      answer = { data: null, errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] };
      const before = await failures('LMS');
      await expect(
        reportImportBatch({ service: 'kit', kind: 'LMS', source: 'lms' }, { read: 1, problems: [] }, logger),
      ).resolves.toBe('failed');
      expect(await failures('LMS')).toBe(before + 1);
      process.env.SWITCHBOARD_GATEWAY_URL = 'http://127.0.0.1:1/graphql';
      await expect(
        reportImportBatch({ service: 'kit', kind: 'LMS', source: 'lms' }, { read: 1, problems: [] }, logger),
      ).resolves.toBe('failed');
      expect(await failures('LMS')).toBe(before + 2);
    } finally {
      restore();
    }
  });

  it('a run that read nothing is no delivery', async () => {
    const calls: unknown[] = [];
    const restore = configureIngestBatchRecorder(async (batch) => {
      calls.push(batch);
      return true;
    });
    try {
      expect(
        await reportImportBatch(
          { service: 'kit', kind: 'QA', source: 'qa' },
          { read: 0, problems: [] },
          logger,
        ),
      ).toBe('skipped');
      expect(calls).toEqual([]);
    } finally {
      restore();
    }
  });
});
