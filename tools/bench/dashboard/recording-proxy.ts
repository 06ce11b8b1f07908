import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { RecordedFetch } from './load';

interface Timed extends RecordedFetch {
  start: number;
  end: number;
}

/**
 * A pass-through in front of each subgraph that records what the gateway sends (body, order, timing),
 * so the same plan can be replayed straight to the subgraphs. Only used while recording.
 */
export class RecordingProxy {
  private readonly servers: Server[] = [];
  private readonly fetches: Timed[] = [];
  recording = false;

  /** A proxy URL for the subgraph at `target`. */
  async add(subgraph: string, target: string): Promise<string> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = Object.fromEntries(
          Object.entries(request.headers).filter(
            (e): e is [string, string] =>
              typeof e[1] === 'string' && !['host', 'content-length', 'connection'].includes(e[0]),
          ),
        );
        const start = performance.now();
        void fetch(target, { method: request.method, headers, body })
          .then(async (answer) => {
            const text = await answer.text();
            if (this.recording) this.fetches.push({ subgraph, body, start, end: performance.now() });
            response.writeHead(answer.status, {
              'content-type': answer.headers.get('content-type') ?? 'application/json',
            });
            response.end(text);
          })
          .catch((error: unknown) => {
            response.writeHead(502);
            response.end(String(error));
          });
      });
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    this.servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }

  /** The recorded fetches in waves: a wave starts when a request starts after the last one ended. */
  waves(): RecordedFetch[][] {
    const sorted = [...this.fetches].sort((a, b) => a.start - b.start);
    const waves: Timed[][] = [];
    let waveEnd = -Infinity;
    for (const f of sorted) {
      if (f.start >= waveEnd) {
        waves.push([f]);
        waveEnd = f.end;
      } else {
        waves[waves.length - 1].push(f);
        waveEnd = Math.max(waveEnd, f.end);
      }
    }
    return waves.map((w) => w.map(({ subgraph, body }) => ({ subgraph, body })));
  }

  /** The recorded fetches with their start and end (performance.now()). */
  timed(): { subgraph: string; body: string; start: number; end: number }[] {
    return [...this.fetches];
  }

  clear(): void {
    this.fetches.length = 0;
  }

  async close(): Promise<void> {
    await Promise.all(this.servers.map((s) => new Promise((closed) => s.close(closed))));
  }
}
