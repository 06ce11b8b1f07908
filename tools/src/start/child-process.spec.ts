import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { SUBGRAPH_REGISTRY } from '@switchboard/contracts';
import {
  NODE_OPTIONS_BY_SERVICE,
  SERVICE_NODE_OPTIONS,
  serviceNodeOptions,
  spawnService,
} from './child-process';

const ROOT = resolve(__dirname, '..', '..', '..');
const DOCKERFILE = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const COMPOSE = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { environment?: Record<string, string | number> }>;
};

interface K8sObject {
  kind: string;
  spec?: { template: { spec: { containers: { env?: { name: string; value?: string }[] }[] } } };
}

/** NODE_OPTIONS of a subgraph's container in its committed k8s manifest (undefined: the image's). */
function k8sNodeOptions(name: string): string | undefined {
  const text = readFileSync(join(ROOT, 'deploy', 'k8s', `${name}.yaml`), 'utf8');
  const deployment = text
    .split(/^---$/m)
    .map((doc) => parse(doc) as K8sObject | null)
    .find((doc) => doc?.kind === 'Deployment');
  const env = deployment?.spec?.template.spec.containers[0].env ?? [];
  return env.find((e) => e.name === 'NODE_OPTIONS')?.value;
}

async function spawnedNodeOptions(name: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-spawn-'));
  const entry = join(dir, 'print-options.js');
  writeFileSync(entry, 'console.log(JSON.stringify(process.env.NODE_OPTIONS));\n');
  const service = spawnService(name, entry, { ...process.env, NODE_OPTIONS: '--no-warnings' }, dir);
  expect(await service.exited).toBe(0);
  // the log file is closed after the exit: wait for its line
  for (let i = 0; i < 50 && !readFileSync(service.logFile, 'utf8'); i += 1)
    await new Promise((wait) => setTimeout(wait, 20));
  return JSON.parse(readFileSync(service.logFile, 'utf8')) as string;
}

// Issue 23 part 5: `npm start`, the benches and the image run every service with the same V8 flags.
describe('every service runs with the V8 flags of the image', () => {
  it('the Dockerfile sets the NODE_OPTIONS that spawnService does', () => {
    expect(SERVICE_NODE_OPTIONS).toContain('--max-semi-space-size=16');
    expect(DOCKERFILE).toContain(`NODE_OPTIONS=${SERVICE_NODE_OPTIONS}\n`);
  });

  it("a spawned service's environment carries them, before the caller's own", async () => {
    expect(await spawnedNodeOptions('staff')).toBe(`${SERVICE_NODE_OPTIONS} --no-warnings`);
  });

  it('traffic and wfm run with a young generation of 2 x 8 MiB, the other services with the image default', () => {
    expect(NODE_OPTIONS_BY_SERVICE).toEqual({
      traffic: '--max-semi-space-size=8',
      wfm: '--max-semi-space-size=8',
    });
    for (const { name } of SUBGRAPH_REGISTRY)
      expect([name, serviceNodeOptions(name)]).toEqual([
        name,
        NODE_OPTIONS_BY_SERVICE[name] ?? SERVICE_NODE_OPTIONS,
      ]);
    expect(serviceNodeOptions('gateway')).toBe(SERVICE_NODE_OPTIONS);
  });

  it('npm start, docker-compose.yml and the k8s manifests give each service the same flags', async () => {
    expect(await spawnedNodeOptions('traffic')).toBe('--max-semi-space-size=8 --no-warnings');
    for (const { name } of SUBGRAPH_REGISTRY) {
      const own = NODE_OPTIONS_BY_SERVICE[name];
      expect([name, COMPOSE.services[name].environment?.NODE_OPTIONS]).toEqual([name, own]);
      expect([name, k8sNodeOptions(name)]).toEqual([name, own]);
    }
    expect(COMPOSE.services.gateway.environment?.NODE_OPTIONS).toBeUndefined();
    expect(k8sNodeOptions('gateway')).toBeUndefined();
  });
});
