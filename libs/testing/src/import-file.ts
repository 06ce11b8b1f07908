import type { Identity } from '@switchboard/auth';
import type { ImportAnswer } from './adversarial-import';
import { authorizationFor, TEST_ADMIN } from './test-auth';

/** One NDJSON event of a streamed file import (POST /import/...), or its whole-request error. */
export interface ImportEvent {
  type: string;
  line?: number;
  field?: string;
  reason?: string;
  employeeNo?: string | null;
  code?: string;
  message?: string;
  [count: string]: unknown;
}

/**
 * Posts a file to a streamed import route of a subgraph or the gateway (`path` with its query
 * string) as `identity`; returns the HTTP status and the events answered.
 */
export async function postImportFile(
  url: string,
  path: string,
  body: string | Buffer,
  identity: Identity = TEST_ADMIN,
): Promise<{ status: number; events: ImportEvent[] }> {
  const response = await fetch(`${new URL(url).origin}${path}`, {
    method: 'POST',
    headers: await authorizationFor(url, identity),
    body,
  });
  const text = await response.text();
  const events = text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ImportEvent);
  return { status: response.status, events };
}

/**
 * The answer of a strict file import (roster, LMS results) as checkBadRows reads it: `stored` is
 * what was written or would have been (rows read and not rejected).
 */
export function strictImportAnswer({
  status,
  events,
}: {
  status: number;
  events: ImportEvent[];
}): ImportAnswer {
  const report = events.find((e) => e.type === 'report');
  const count = (name: string): number =>
    typeof report?.[name] === 'number' ? (report[name] as number) : -1;
  return {
    status,
    errorCode: events.find((e) => e.type === 'error')?.code,
    rejected: events
      .filter((e) => e.type === 'rejected')
      .map((e) => ({ line: e.line as number, field: e.field as string })),
    report: report && {
      read: count('read'),
      stored: count('read') - count('rejected'),
      rejected: count('rejected'),
    },
  };
}
