import fc from 'fast-check';
import { Client } from 'pg';
import { escapeLiteral, SwitchboardPostgreSqlPlatform } from './postgres-driver';

const MIB = 1024 * 1024;

describe('escapeLiteral', () => {
  it('writes the same literal as node-postgres for any string', () => {
    for (const value of ['', "it's", 'C:\\temp', "\\'", '?', 'naïve 日本 😀', 'line\nbreak', "''\\\\"])
      expect(escapeLiteral(value)).toBe(Client.prototype.escapeLiteral(value));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '\\', 'a', 'é', '?', ' ', '"') }), (value) => {
        expect(escapeLiteral(value)).toBe(Client.prototype.escapeLiteral(value));
      }),
      { seed: Number(process.env.FAST_CHECK_SEED ?? 23) },
    );
  });

  it("formats a query's megabytes of JSON parameter in about their size of heap (issue 23 part 5)", () => {
    // node-postgres's escapeLiteral concatenates one character at a time: a cons string per
    // character, all reachable from the result until it is flattened (~30 bytes a character)
    const json = JSON.stringify(
      Array.from({ length: 20_000 }, (_, i) => ({ ref: `agent-${i}`, p_from: '2026-11-01T00:00:00.000Z' })),
    );
    expect(json.length).toBeGreaterThan(MIB);
    const platform = new SwitchboardPostgreSqlPlatform();
    const before = process.memoryUsage().heapUsed;
    const sql = platform.formatQuery('select * from json_to_recordset(?::json) as j(ref text)', [json]);
    const held = process.memoryUsage().heapUsed - before;
    expect(sql.length).toBe(json.length + "select * from json_to_recordset(''::json) as j(ref text)".length);
    expect(held).toBeLessThan(8 * json.length);
  });
});
