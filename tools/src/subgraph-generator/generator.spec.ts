import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { addToCompose, addToRegistry, addToSubgraphList } from './edits';
import subgraphGenerator from './generator';
import { subgraphNames } from './names';

const root = resolve(__dirname, '..', '..', '..');
const LISTS = ['libs/contracts/src/subgraph-registry.ts', 'tools/src/subgraphs.ts', 'docker-compose.yml'];
const today = (path: string) => readFileSync(resolve(root, path), 'utf8');

/** An empty workspace holding today's three lists, as the generator finds them. */
function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  for (const path of LISTS) tree.write(path, today(path));
  return tree;
}

describe('the subgraph generator (issue 24)', () => {
  it('writes a kpi-shaped app with its migration, access and entity tests, seed and factory', async () => {
    const tree = workspace();
    await subgraphGenerator(tree, {
      name: 'example',
      entity: 'Survey',
      writers: 'QA_EVALUATOR',
      skipInstall: true,
    });
    const files = tree
      .listChanges()
      .map((change) => change.path)
      .filter((path) => path.startsWith('apps/example/'))
      .map((path) => path.replace(/Migration\d{14}/, 'Migration<stamp>'))
      .sort();
    expect(files).toEqual([
      'apps/example/jest.config.js',
      'apps/example/package.json',
      'apps/example/project.json',
      'apps/example/src/access/access.int-spec.ts',
      'apps/example/src/access/example-access.ts',
      'apps/example/src/example.subgraph.ts',
      'apps/example/src/index.ts',
      'apps/example/src/main.ts',
      'apps/example/src/migrations/Migration<stamp>_init.ts',
      'apps/example/src/migrations/index.ts',
      'apps/example/src/seed/demo-seed.ts',
      'apps/example/src/survey/survey.entity.ts',
      'apps/example/src/survey/survey.input.ts',
      'apps/example/src/survey/survey.int-spec.ts',
      'apps/example/src/survey/survey.loader.ts',
      'apps/example/src/survey/survey.mapper.ts',
      'apps/example/src/survey/survey.resolver.ts',
      'apps/example/src/survey/survey.service.ts',
      'apps/example/src/survey/survey.type.ts',
      'apps/example/src/testing/example-factories.ts',
      'apps/example/src/tracing.ts',
    ]);
    const subgraph = tree.read('apps/example/src/example.subgraph.ts', 'utf8') ?? '';
    expect(subgraph).toContain("export const EXAMPLE_SUBGRAPH = 'example';");
    expect(subgraph).toContain('entities: [Survey]');
    expect(tree.read('apps/example/package.json', 'utf8')).toContain('"name": "@switchboard/example"');
    const migration = tree.listChanges().find((c) => /migrations\/Migration\d{14}_init\.ts$/.test(c.path));
    expect(migration?.content?.toString()).toContain('create table "example_survey"');
    // no template syntax is left behind
    for (const change of tree.listChanges()) expect(change.content?.toString() ?? '').not.toMatch(/<%|%>/);
  });

  it('enters the subgraph in the registry, the subgraph list and docker-compose.yml, on the next port', async () => {
    const tree = workspace();
    await subgraphGenerator(tree, {
      name: 'example',
      entity: 'Survey',
      writers: 'QA_EVALUATOR',
      skipInstall: true,
    });
    const ports = [...today(LISTS[0]).matchAll(/port: (\d+)/g)].map((m) => Number(m[1]));
    const port = Math.max(...ports) + 1;
    expect(tree.read(LISTS[0], 'utf8')).toContain(
      `{ name: 'example', port: ${port}, writers: ['QA_EVALUATOR', 'ADMIN'] },`,
    );
    expect(tree.read(LISTS[1], 'utf8')).toContain("import { exampleSubgraph } from '@switchboard/example';");
    expect(tree.read(LISTS[1], 'utf8')).toContain("port: subgraphContract('example').port");
    const compose = tree.read(LISTS[2], 'utf8') ?? '';
    expect(compose).toContain(`EXAMPLE_URL: http://example:${port}/graphql`);
    expect(compose).toContain('command: [node, apps/example/src/main.js]');
    expect(compose).toContain(`      - 127.0.0.1:${port}:${port}`);
    expect(compose).toMatch(/db-setup:[\s\S]*- switchboard_example_owner\n    depends_on:/);
    expect(compose).toMatch(
      /gateway:[\s\S]*depends_on:[\s\S]*example:\n {8}condition: service_healthy\n\nvolumes:/,
    );
    expect(compose).toMatch(/\n {2}switchboard_example_owner:\n {4}file: .*\/switchboard_example_owner\n$/);
  });

  it.each([
    ['a name taken', { name: 'staff' }, /name: .*staff/],
    ['a name with capitals', { name: 'Voc' }, /name: "Voc"/],
    ['an unknown writer role', { name: 'example', writers: 'CHIEF' }, /writers: unknown role CHIEF/],
    ['a port taken', { name: 'example', port: 4001 }, /port: 4001 is taken/],
    ['the gateway’s port', { name: 'example', port: 4000 }, /port: 4000 is taken/],
    ['an entity not in PascalCase', { name: 'example', entity: 'survey' }, /entity: "survey"/],
  ])('refuses %s, naming the option, and changes nothing', async (_, options, message) => {
    const tree = workspace();
    await expect(subgraphGenerator(tree, { skipInstall: true, ...options })).rejects.toThrow(message);
    for (const path of LISTS) expect(tree.read(path, 'utf8')).toBe(today(path));
    expect(tree.listChanges().filter((c) => c.path.startsWith('apps/'))).toEqual([]);
  });

  it('each edit refuses to enter a name twice', () => {
    const names = subgraphNames('example', 'Survey');
    const twice = (edit: (text: string) => string, path: string) => () => edit(edit(today(path)));
    expect(twice((t) => addToRegistry(t, 'example', 4090, ['ADMIN']), LISTS[0])).toThrow(
      /registered already/,
    );
    expect(twice((t) => addToSubgraphList(t, names), LISTS[1])).toThrow(/already/);
    expect(twice((t) => addToCompose(t, names, 4090), LISTS[2])).toThrow(/already/);
  });

  it('spells a name every way it is used, never as a reserved word', () => {
    expect(subgraphNames('care', 'CaseNote')).toEqual({
      name: 'care',
      className: 'Care',
      constName: 'CARE',
      entity: 'CaseNote',
      entityFile: 'case-note',
      entityField: 'caseNote',
      entityListField: 'caseNotes',
      entityTable: 'care_case_note',
    });
    expect(subgraphNames('wfm', 'Schedule').entityListField).toBe('schedules');
    expect(subgraphNames('care', 'Case').entityTable).toBe('care_case');
  });
});
