import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { trafficSubgraph } from '@switchboard/traffic';
import { authorizationFor, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { generateFiles, type GeneratedFiles, type OutputFormat } from './generate-files';
import { shanghaiMidnight } from './generate-command';

interface ImportReport {
  type: string;
  read: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  agentStates: number;
}

/** The generator's files, each through the real import route of a traffic subgraph of its own. */
describe('generated contact files import with zero rejects', () => {
  let dir: string;
  let files: GeneratedFiles;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-generated-import-'));
    files = await generateFiles({
      contacts: 3_000,
      days: 2,
      sites: 2,
      from: shanghaiMidnight('2026-10-05'),
      seed: 5,
      outDir: dir,
      formats: ['csv', 'ndjson', 'queue_log'],
      people: false,
      progress: false,
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const importFile = async (traffic: TestSubgraph, format: OutputFormat): Promise<ImportReport> => {
    const response = await fetch(`${new URL(traffic.url).origin}/import/contacts?format=${format}`, {
      method: 'POST',
      headers: await authorizationFor(traffic.url),
      body: Readable.toWeb(createReadStream(files.paths[format] as string)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const events = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ImportReport);
    return events.find((e) => e.type === 'report') ?? (events.at(-1) as ImportReport);
  };

  it.each([['csv'], ['ndjson']] as const)('%s: every contact stored', async (format) => {
    const traffic = await startTestSubgraph(trafficSubgraph);
    try {
      const report = await importFile(traffic, format);
      expect(report).toMatchObject({ type: 'report', read: 3_000, inserted: 3_000, rejected: 0 });
    } finally {
      await traffic.stop();
    }
  });

  it('queue_log: every voice contact that reached a queue, and the agents logging on and off', async () => {
    const traffic = await startTestSubgraph(trafficSubgraph);
    try {
      const report = await importFile(traffic, 'queue_log');
      expect(report.type).toBe('report');
      expect(report.rejected).toBe(0);
      expect(report.inserted).toBeGreaterThan(1_500);
      expect(report.inserted).toBe(report.read);
      expect(report.agentStates).toBeGreaterThan(report.inserted);
    } finally {
      await traffic.stop();
    }
  });
});
