/**
 * The customer key, normalized before it is stored or matched (docs: care, "Customer keys"):
 * - surrounding white space is dropped;
 * - a phone-like key (digits with an optional leading +, spaces, dashes, dots or brackets; 6 to 20
 *   digits) becomes E.164: `+` and digits as written; `00` → `+`; otherwise China (+86) is assumed:
 *   a national number's trunk `0` is dropped (`010 1234 5678` → `+861012345678`), a number that
 *   already starts with 86 and has 13 digits gets only the `+` (`8613800000001` → `+8613800000001`),
 *   anything else gets `+86` (`138 0000 0001` → `+8613800000001`);
 * - any other key (a CRM's pseudonym, `cust-42`) is kept as written (case and all).
 * An empty key is null.
 */
const PHONE_LIKE = /^\+?[\d\s\-.()]+$/;

export function normalizeCustomerKey(raw: string): string | null {
  const key = raw.trim();
  if (!key) return null;
  if (!PHONE_LIKE.test(key)) return key;
  const digits = key.replace(/\D/g, '');
  if (digits.length < 6 || digits.length > 20) return key;
  if (key.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (digits.startsWith('86') && digits.length === 13) return `+${digits}`;
  if (digits.startsWith('0')) return `+86${digits.slice(1)}`;
  return `+86${digits}`;
}
