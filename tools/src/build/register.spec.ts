import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REGISTER = resolve(__dirname, '..', '..', 'bin', 'register.js');

/** What a TypeScript file run through tools/bin/register.js finds about its own process. */
const PROBE = `
function Column(): PropertyDecorator {
  return () => undefined;
}
class Row {
  @Column() name!: string;
}
const where = (): string => (new Error('here').stack ?? '').split('\\n')[1];
console.log(JSON.stringify({
  typescriptLoaded: Object.keys(require.cache).some((path) => path.includes('/node_modules/typescript/')),
  designType: (Reflect.getMetadata('design:type', Row.prototype, 'name') as StringConstructor).name,
  frame: where(),
}));
`;

// Issue 23 part 5: every process of \`npm start\` loads its TypeScript through this hook.
describe('TypeScript at run time (tools/bin/register.js)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-register-'));
  const file = join(dir, 'probe.ts');
  writeFileSync(file, PROBE);
  const seen = JSON.parse(
    execFileSync(process.execPath, ['--require', REGISTER, file], { encoding: 'utf8' }),
  ) as { typescriptLoaded: boolean; designType: string; frame: string };

  it('does not load the TypeScript compiler (about 50 MiB of RSS in every service)', () => {
    expect(seen.typescriptLoaded).toBe(false);
  });

  it('emits decorator metadata, as type-graphql and MikroORM need', () => {
    expect(seen.designType).toBe('String');
  });

  it("maps a stack trace to the TypeScript file's own lines", () => {
    expect(seen.frame).toContain(`${file}:8:`);
  });
});
