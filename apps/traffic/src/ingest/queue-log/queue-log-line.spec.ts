import { dataPart, epochToDate, splitQueueLogLine, type QueueLogLineResult } from './queue-log-line';

function fieldsOf(result: QueueLogLineResult) {
  if (result.kind !== 'line') throw new Error(`expected a line, got ${JSON.stringify(result)}`);
  return result.line;
}

describe('splitQueueLogLine', () => {
  it('reads the padded data1..data5 layout', () => {
    const line = fieldsOf(
      splitQueueLogLine('1717228812|1717228800.101|cards|PJSIP/1042|CONNECT|12|1717228812.102|3||'),
    );
    expect(line).toEqual({
      epoch: 1717228812,
      callid: '1717228800.101',
      queue: 'cards',
      agent: 'PJSIP/1042',
      event: 'CONNECT',
      data: ['12', '1717228812.102', '3', '', ''],
    });
  });

  it('reads the old single data field the same way, missing parts as empty', () => {
    const line = fieldsOf(splitQueueLogLine('1717228830|1717228830.110|loans|NONE|ENTERQUEUE||13900139000'));
    expect(line.data).toEqual(['', '13900139000']);
    expect(dataPart(line, 2)).toBe('13900139000');
    expect(dataPart(line, 3)).toBe('');
  });

  it('keeps more than five data parts (ATTENDEDTRANSFER LINK)', () => {
    const line = fieldsOf(
      splitQueueLogLine(
        '1717229340|1.1|cards|PJSIP/1042|ATTENDEDTRANSFER|LINK|PJSIP/1-0000001a|PJSIP/2-0000001b|10|60|1',
      ),
    );
    expect(line.data).toHaveLength(6);
  });

  it('drops a trailing carriage return and trims fields', () => {
    const line = fieldsOf(splitQueueLogLine('1717228800 | 1.1 |cards|NONE|PAUSE| lunch \r'));
    expect(line).toMatchObject({ epoch: 1717228800, callid: '1.1', event: 'PAUSE', data: ['lunch'] });
  });

  it('accepts a fractional epoch, kept to the millisecond', () => {
    const line = fieldsOf(splitQueueLogLine('1717228800.2505|1.1|cards|NONE|QUEUESTART|'));
    expect(epochToDate(line.epoch)).toEqual(new Date('2024-06-01T08:00:00.251Z'));
  });

  it('calls a blank line blank, not malformed', () => {
    expect(splitQueueLogLine('')).toEqual({ kind: 'blank' });
    expect(splitQueueLogLine('  \r')).toEqual({ kind: 'blank' });
  });

  it.each([
    ['1717228800|1.1|cards|NONE', 'line'],
    ['garbage', 'line'],
    ['-1717228800|1.1|cards|NONE|ENTERQUEUE||1', 'epoch'],
    ['1717228800s|1.1|cards|NONE|ENTERQUEUE||1', 'epoch'],
    ['|1.1|cards|NONE|ENTERQUEUE||1', 'epoch'],
    ['1717228800|1.1|cards|NONE||', 'event'],
  ])('rejects %j on its %s', (text, field) => {
    expect(splitQueueLogLine(text)).toMatchObject({ kind: 'malformed', field });
  });
});
