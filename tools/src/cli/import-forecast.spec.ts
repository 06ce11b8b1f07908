import { forecastImportPath } from './import-forecast';

describe('switchboard import forecast: the route it streams to', () => {
  it('passes the interval length, time zone and flags as the route parameters', () => {
    expect(forecastImportPath({ skipInvalidRows: false, dryRun: false })).toBe('/import/forecast');
    expect(
      forecastImportPath({
        intervalMinutes: '15',
        timezone: 'Asia/Shanghai',
        skipInvalidRows: true,
        dryRun: true,
      }),
    ).toBe('/import/forecast?intervalMinutes=15&timeZone=Asia%2FShanghai&skipInvalidRows=true&dryRun=true');
  });
});
