import { normalizeCustomerKey, storedKeyForms } from './customer-key';

describe('normalizeCustomerKey', () => {
  it.each([
    ['  +86 138-0000-0001 ', '+8613800000001'],
    ['13800000001', '+8613800000001'],
    ['8613800000001', '+8613800000001'],
    ['008613800000001', '+8613800000001'],
    ['(010) 1234 5678', '+861012345678'],
    ['+1 (415) 555-0100', '+14155550100'],
    [' cust-42 ', 'cust-42'],
    ['CUST-42', 'CUST-42'],
    ['12345', '12345'],
  ])('%j → %j', (raw, key) => expect(normalizeCustomerKey(raw)).toBe(key));

  it('an empty key is null', () => expect(normalizeCustomerKey('   ')).toBeNull());

  it('is idempotent', () => {
    for (const raw of ['13800000001', '(010) 1234 5678', 'cust-42', '+14155550100'])
      expect(normalizeCustomerKey(normalizeCustomerKey(raw) as string)).toBe(normalizeCustomerKey(raw));
  });
});

describe('storedKeyForms', () => {
  it('lists the forms traffic may hold of a Chinese mobile and landline number, each normalizing back', () => {
    expect(storedKeyForms('+8613800000001').sort()).toEqual(
      ['+8613800000001', '13800000001', '8613800000001', '008613800000001'].sort(),
    );
    expect(storedKeyForms('+861012345678')).toContain('01012345678');
    expect(storedKeyForms('cust-42')).toEqual(['cust-42']);
  });
});
