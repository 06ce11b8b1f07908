import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GATEWAY_PORT, SUBGRAPH_REGISTRY } from '@switchboard/contracts';
import { subgraphs } from './subgraphs';

const COMPOSE = readFileSync(resolve(__dirname, '..', '..', 'docker-compose.yml'), 'utf8');

/** The one list (libs/contracts) and what must follow it. */
describe('the subgraph registry is followed everywhere', () => {
  it('npm start, composition and the tests run exactly the registered subgraphs, in order', () => {
    expect(subgraphs.map((entry) => [entry.definition.name, entry.port])).toEqual(
      SUBGRAPH_REGISTRY.map((entry) => [entry.name, entry.port]),
    );
  });

  it.each(SUBGRAPH_REGISTRY.map((entry) => [entry.name, entry] as const))(
    'docker-compose.yml runs %s on its port',
    (name, entry) => {
      const block = COMPOSE.split(/\n  (?=[a-z][a-z-]*:\n)/).find((part) => part.startsWith(`${name}:\n`));
      expect(block).toBeDefined();
      expect(block).toContain(`command: [node, apps/${name}/src/main.js]`);
      expect(block).toContain(`PORT: ${entry.port}`);
    },
  );

  it('docker-compose.yml gives the gateway every subgraph URL', () => {
    for (const { name, port } of SUBGRAPH_REGISTRY) {
      expect(COMPOSE).toContain(`${name.toUpperCase()}_URL: http://${name}:${port}/graphql`);
    }
    expect(COMPOSE).toContain(`PORT: ${GATEWAY_PORT}\n`);
    expect(COMPOSE).toContain(`:${GATEWAY_PORT}\n`);
  });
});
