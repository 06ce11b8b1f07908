import { Writable } from 'node:stream';
import type { Identity } from '@switchboard/auth';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import pino from 'pino';
import { evaluatorOf } from './qa-access';

/** A request context with only what evaluatorOf reads, its log lines kept. */
function context(identity: Identity): { ctx: SubgraphContext; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const ctx = { identity, logger: pino({ level: 'info' }, sink), requestId: 'req-1' } as SubgraphContext;
  return { ctx, lines };
}

const identity = (roles: Identity['roles'], employeeNo?: string): Identity => ({
  subject: `user-${employeeNo ?? 'none'}`,
  roles,
  centers: [],
  teams: [],
  employeeNo,
});

describe('evaluatorOf (issue 17: the evaluator is the caller)', () => {
  it('is the caller when no one, or the caller, is named; nothing is logged', () => {
    const { ctx, lines } = context(identity(['QA_EVALUATOR'], 'QA-1'));
    expect(evaluatorOf(ctx, undefined, 'createEvaluation')).toBe('QA-1');
    expect(evaluatorOf(ctx, 'QA-1', 'createEvaluation')).toBe('QA-1');
    expect(lines).toEqual([]);
  });

  it('refuses a QA evaluator naming a colleague', () => {
    const { ctx } = context(identity(['QA_EVALUATOR'], 'QA-1'));
    expect(() => evaluatorOf(ctx, 'QA-2', 'createEvaluation')).toThrow(/evaluatorEmployeeNo must be you/);
  });

  it('lets ADMIN name another evaluator, and logs who did it for whom', () => {
    const { ctx, lines } = context(identity(['ADMIN'], 'ADM-1'));
    expect(evaluatorOf(ctx, 'QA-2', 'createEvaluation')).toBe('QA-2');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'QA filed for another evaluator',
        subject: 'user-ADM-1',
        requestId: 'req-1',
        action: 'createEvaluation',
        evaluatorEmployeeNo: 'QA-2',
      }),
    ]);
  });
});
