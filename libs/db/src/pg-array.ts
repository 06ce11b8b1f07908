/**
 * A PostgreSQL array literal of `values` (`{"a","b"}`), for one bound parameter cast in SQL
 * (`= any(?::uuid[])`, `unnest(?::text[], ?::timestamptz[])`). The query builder expands a bound JS
 * array into a list of parameters, so arrays travel as one literal; every element is quoted and its
 * quotes and backslashes escaped, so no value can end the array or the statement.
 */
export function pgArray(values: readonly (string | number)[]): string {
  return `{${values.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
