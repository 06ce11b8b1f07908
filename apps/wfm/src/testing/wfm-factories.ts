import { postGraphQL } from '@switchboard/testing';

/** Makes wfm records over real HTTP, as an administrator, for tests. */
export class WfmFactory {
  constructor(private readonly url: string) {}

  async specialDay(input: {
    centerId: string;
    title?: string;
    date?: string;
    kind?: string;
  }): Promise<{ id: string }> {
    const response = await postGraphQL<{ createSpecialDay: { id: string } }>(
      this.url,
      'mutation($i: CreateSpecialDayInput!) { createSpecialDay(input: $i) { id } }',
      { i: { title: 'a test record', date: '2026-12-24', kind: 'HOLIDAY_EVE', ...input } },
    );
    if (!response.data?.createSpecialDay) throw new Error(JSON.stringify(response.errors));
    return response.data.createSpecialDay;
  }

  /** A day on queue 09:00-17:00 UTC for each agent (they must be known references); their schedule ids. */
  async schedules(employeeNos: string[], date: string): Promise<Record<string, string>> {
    const csv = [
      'employee_no,date,start,end,activity',
      ...employeeNos.map((n) => `${n},${date},09:00,17:00,ON_QUEUE`),
    ];
    const imported = await postGraphQL<{ importSchedules: { applied: boolean; problems: unknown[] } }>(
      this.url,
      'mutation($csv: String!) { importSchedules(csv: $csv) { applied problems { row field message } } }',
      { csv: csv.join('\n') },
    );
    if (!imported.data?.importSchedules.applied) throw new Error(JSON.stringify(imported));
    const read = await postGraphQL<{ schedules: { id: string; employeeNo: string }[] }>(
      this.url,
      'query($d: LocalDate!, $e: LocalDate!, $n: [String!]) { schedules(from: $d, to: $e, employeeNos: $n) { id employeeNo } }',
      {
        d: date,
        e: new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10),
        n: employeeNos,
      },
    );
    return Object.fromEntries((read.data?.schedules ?? []).map((s) => [s.employeeNo, s.id]));
  }
}
