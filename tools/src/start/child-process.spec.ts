import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SERVICE_NODE_OPTIONS, spawnService } from './child-process';

const DOCKERFILE = readFileSync(resolve(__dirname, '..', '..', '..', 'Dockerfile'), 'utf8');

// Issue 23 part 5: `npm start`, the benches and the image run every service with the same V8 flags.
describe('every service runs with the V8 flags of the image', () => {
  it('the Dockerfile sets the NODE_OPTIONS that spawnService does', () => {
    expect(SERVICE_NODE_OPTIONS).toContain('--max-semi-space-size=16');
    expect(DOCKERFILE).toContain(`NODE_OPTIONS=${SERVICE_NODE_OPTIONS}\n`);
  });

  it("a spawned service's environment carries them, before the caller's own", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-spawn-'));
    const entry = join(dir, 'print-options.js');
    writeFileSync(entry, 'console.log(JSON.stringify(process.env.NODE_OPTIONS));\n');
    const service = spawnService('printer', entry, { ...process.env, NODE_OPTIONS: '--no-warnings' }, dir);
    expect(await service.exited).toBe(0);
    expect(JSON.parse(readFileSync(service.logFile, 'utf8'))).toBe(`${SERVICE_NODE_OPTIONS} --no-warnings`);
  });
});
