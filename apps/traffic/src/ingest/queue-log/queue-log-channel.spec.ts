import { customerKeyFromCallerId, employeeNoFromAgent, noneToNull } from './queue-log-channel';

describe('employeeNoFromAgent', () => {
  it.each([
    ['Agent/1042', '1042'],
    ['PJSIP/1042', '1042'],
    ['SIP/1042', '1042'],
    ['IAX2/1042', '1042'],
    ['Local/1042@agents', '1042'],
    ['Local/1042@agents/n', '1042'],
    ['Local/1042/n', '1042'],
    ['PJSIP/1042-0000002a', '1042'],
    ['SIP/1042-0000001A', '1042'],
    ['Local/1042@agents-00000012;1', '1042'],
    ['PJSIP/E-1042', 'E-1042'],
    ['SIP/1042-01', '1042-01'],
    ['Alice Chen', 'Alice Chen'],
    ['1042', '1042'],
  ])('reads %s as %s', (channel, employeeNo) => {
    expect(employeeNoFromAgent(channel)).toBe(employeeNo);
  });

  it.each(['NONE', 'none', '', 'PJSIP/', 'Local/@agents'])('reads %j as no agent', (channel) => {
    expect(employeeNoFromAgent(channel)).toBeNull();
  });
});

describe('customerKeyFromCallerId', () => {
  it('keeps a caller ID as given', () => {
    expect(customerKeyFromCallerId('13800138000')).toBe('13800138000');
    expect(customerKeyFromCallerId('+8613800138000')).toBe('+8613800138000');
  });

  it.each([
    '',
    '  ',
    'unknown',
    'Unknown',
    '<unknown>',
    'anonymous',
    'Anonymous',
    'restricted',
    'PRIVATE',
    'unavailable',
  ])('reads %j as no customer', (callerId) => {
    expect(customerKeyFromCallerId(callerId)).toBeNull();
  });
});

describe('noneToNull', () => {
  it('reads NONE and empty as null, anything else as itself', () => {
    expect([noneToNull('NONE'), noneToNull(''), noneToNull('cards')]).toEqual([null, null, 'cards']);
  });
});
