import { ROLES } from './roles';
import { GATEWAY_PORT, SUBGRAPH_REGISTRY, subgraphContract, WRITERS } from './subgraph-registry';

describe('the subgraph registry', () => {
  it('names each subgraph and port once, none on the gateway’s port', () => {
    const names = SUBGRAPH_REGISTRY.map((entry) => entry.name);
    const ports = SUBGRAPH_REGISTRY.map((entry) => entry.port);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(ports).size).toBe(ports.length);
    expect(ports).not.toContain(GATEWAY_PORT);
  });

  it('lets ADMIN write everywhere and BI_READER nowhere, with known roles only', () => {
    for (const entry of SUBGRAPH_REGISTRY) {
      expect(entry.writers).toContain('ADMIN');
      expect(entry.writers).not.toContain('BI_READER');
      for (const role of entry.writers) expect(ROLES).toContain(role);
    }
  });

  it('derives the writers and looks entries up by name', () => {
    expect(WRITERS.staff).toEqual(['HR', 'ADMIN']);
    expect(subgraphContract('kpi').port).toBe(4005);
  });
});
