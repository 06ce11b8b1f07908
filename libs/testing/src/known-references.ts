import type {
  ReferenceAnswer,
  ReferenceAsk,
  ReferenceKind,
  ReferenceSource,
} from '@switchboard/subgraph-kit';

/**
 * Stands in for the other subgraphs when one subgraph's integration test checks references (an app
 * may not start another app): the records a test adds exist, any other does not. Counts the lookups
 * asked, to check a write asks once. The real owners answer through the gateway in tools/e2e.
 */
export class KnownReferences {
  private readonly existing = new Map<ReferenceKind, Set<string>>();
  readonly asked: ReferenceAsk[] = [];

  add(kind: ReferenceKind, ...values: string[]): this {
    const set = this.existing.get(kind) ?? new Set<string>();
    for (const value of values) set.add(kind === 'agent' || kind === 'skill' ? value : value.toLowerCase());
    this.existing.set(kind, set);
    return this;
  }

  readonly source: ReferenceSource = async (asked) => {
    this.asked.push(asked);
    const answer: ReferenceAnswer = {};
    for (const kind of Object.keys(asked) as ReferenceKind[]) {
      const have = this.existing.get(kind) ?? new Set<string>();
      answer[kind] = (asked[kind] ?? []).filter((v) => have.has(v));
    }
    return answer;
  };
}
