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

/**
 * The forms a normalized phone key may have been stored in by traffic, which keeps the caller ID as
 * the ACD gave it: `+8613800000001` → also `13800000001`, `8613800000001`, `008613800000001` (and
 * for a landline the trunk-0 form `01012345678`). Other keys are only themselves. The timeline asks
 * traffic for all of them (they all normalize back to the key).
 */
export function storedKeyForms(key: string): string[] {
  if (!/^\+\d{6,20}$/.test(key)) return [key];
  const digits = key.slice(1);
  const forms = [key, digits, `00${digits}`];
  if (digits.startsWith('86')) {
    const national = digits.slice(2);
    forms.push(national);
    if (!(national.length === 11 && national.startsWith('1'))) forms.push(`0${national}`); // a landline's trunk 0
  }
  return [...new Set(forms)].filter((form) => normalizeCustomerKey(form) === key);
}
