import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kind, parse, type ConstDirectiveNode, type FieldDefinitionNode, type TypeNode } from 'graphql';

/** Each entity's owner (DESIGN.md): the subgraph whose reference resolver may answer null (missing, out of scope). */
const OWNERS: Record<string, string> = {
  Agent: 'STAFF',
  Team: 'STAFF',
  Center: 'STAFF',
  Queue: 'TRAFFIC',
  Contact: 'TRAFFIC',
  Course: 'TRAINING',
  Exam: 'TRAINING',
  Certification: 'TRAINING',
  Scorecard: 'QA',
  Evaluation: 'QA',
  KpiDefinition: 'KPI',
  KpiTarget: 'KPI',
};

const argument = (directive: ConstDirectiveNode, name: string) =>
  directive.arguments?.find((a) => a.name.value === name)?.value;

/** The subgraphs that resolve a field (its join__field graphs, not external), or its type's. */
function graphsOf(field: FieldDefinitionNode, typeGraphs: string[]): string[] {
  const joins = field.directives?.filter((d) => d.name.value === 'join__field') ?? [];
  if (!joins.length) return typeGraphs;
  return joins
    .filter((d) => {
      const external = argument(d, 'external');
      return !(external?.kind === Kind.BOOLEAN && external.value);
    })
    .map((d) => argument(d, 'graph'))
    .flatMap((g) => (g?.kind === Kind.ENUM ? [g.value] : []));
}

/** The named type, and whether the innermost item may be null. */
function innermost(type: TypeNode): { name: string; nullable: boolean } {
  let node = type;
  let nullable = true;
  for (;;) {
    if (node.kind === Kind.NAMED_TYPE) return { name: node.name.value, nullable };
    nullable = node.kind !== Kind.NON_NULL_TYPE;
    node = node.type;
  }
}

/**
 * Issue 17 §2, no silent nulls, across every subgraph: a field one subgraph resolves to an entity
 * another owns is nullable (at the item, for a list), so an entity its owner cannot give (missing, or
 * outside the caller's scope) nulls that field alone, with the gateway's NOT_FOUND error, and never
 * its row or its list.
 */
describe('references to another subgraph’s entities', () => {
  it('are nullable, in every subgraph', () => {
    const supergraph = parse(readFileSync(resolve(__dirname, '../supergraph.graphql'), 'utf8'));
    const offending: string[] = [];
    for (const definition of supergraph.definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
      const typeGraphs = (definition.directives ?? [])
        .filter((d) => d.name.value === 'join__type')
        .flatMap((d) => {
          const graph = argument(d, 'graph');
          return graph?.kind === Kind.ENUM ? [graph.value] : [];
        });
      for (const field of definition.fields ?? []) {
        const { name, nullable } = innermost(field.type);
        const owner = OWNERS[name];
        if (!owner || nullable) continue;
        const foreign = graphsOf(field, typeGraphs).filter((g) => g !== owner);
        if (foreign.length && !graphsOf(field, typeGraphs).includes(owner))
          offending.push(`${definition.name.value}.${field.name.value} (${foreign.join(', ')}) -> ${name}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
