import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CliError } from './gateway-client';
import { importCalendar } from './import-calendar';

/** A stand-in gateway: answers the three operations and keeps the mutation's input. */
function fakeGateway(existing: object | null) {
  const inputs: Array<Record<string, unknown>> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
      let data: unknown;
      if (query.includes('center(code'))
        data = { center: variables.code === 'SHA-01' ? { id: 'c-1', code: 'SHA-01' } : null };
      else if (query.includes('businessCalendar(')) data = { businessCalendar: existing };
      else {
        const i = variables.i as Record<string, unknown>;
        inputs.push(i);
        data = { setBusinessCalendar: { centerId: 'c-1', version: 2, exceptions: i.exceptions } };
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data }));
    });
  });
  return { server, inputs };
}

describe('switchboard import calendar', () => {
  let gateway: ReturnType<typeof fakeGateway>;
  let url: string;
  const start = async (existing: object | null) => {
    gateway = fakeGateway(existing);
    await new Promise<void>((resolve) => gateway.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}/graphql`;
  };
  afterEach(() => new Promise((resolve) => gateway.server.close(resolve)));
  const options = { center: 'SHA-01', hours: '09:00-12:00,13:00-18:00', workdayHoursOf: '1' };

  it("--cn fills China's holidays and adjusted workdays (调休) into a new calendar in Shanghai time", async () => {
    await start(null);
    const lines: string[] = [];
    expect(await importCalendar({ gatewayUrl: url }, { ...options, cn: '2026' }, (l) => lines.push(l))).toBe(
      0,
    );
    const input = gateway.inputs[0] as {
      timeZone: string;
      mergeExceptions: boolean;
      periods: unknown[];
      exceptions: Array<{ date: string; kind: string; hoursOf?: number }>;
    };
    expect(input).toMatchObject({ centerId: 'c-1', timeZone: 'Asia/Shanghai', mergeExceptions: true });
    expect(input.periods).toHaveLength(10);
    // National Day 2026 off, and the Sunday before it... worked as a Monday
    expect(input.exceptions).toContainEqual(expect.objectContaining({ date: '2026-10-01', kind: 'HOLIDAY' }));
    expect(input.exceptions.some((e) => e.kind === 'WORKDAY' && e.hoursOf === 1)).toBe(true);
    expect(lines[0]).toMatch(
      /SHA-01: \d+ holiday\(s\) and \d+ adjusted workday\(s\) of 2026 from chinese-days/,
    );
  });

  it('--country keeps an existing calendar’s zone and hours', async () => {
    await start({ timeZone: 'Europe/Berlin', periods: [{ weekday: 1, start: '08:00', end: '16:00' }] });
    await importCalendar({ gatewayUrl: url }, { ...options, country: 'DE', year: '2027' }, () => undefined);
    const input = gateway.inputs[0] as {
      timeZone: string;
      periods: unknown[];
      exceptions: Array<{ date: string }>;
    };
    expect(input.timeZone).toBe('Europe/Berlin');
    expect(input.periods).toEqual([{ weekday: 1, start: '08:00', end: '16:00' }]);
    expect(input.exceptions.map((e) => e.date)).toContain('2027-12-25');
  });

  it('refuses a year the holiday source lacks, and an unknown center, writing nothing', async () => {
    await start(null);
    await expect(
      importCalendar({ gatewayUrl: url }, { ...options, cn: '2099' }, () => undefined),
    ).rejects.toThrow(CliError);
    await expect(
      importCalendar({ gatewayUrl: url }, { ...options, center: 'NOPE', cn: '2026' }, () => undefined),
    ).rejects.toThrow('--center');
    expect(gateway.inputs).toEqual([]);
  });
});
