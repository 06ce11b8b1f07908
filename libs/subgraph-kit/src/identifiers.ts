const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a row (and must not reach PostgreSQL as a uuid). */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** Zone names already checked, and the answer (bounded: a caller may send any text). */
const checkedZones = new Map<string, boolean>();
const MAX_CHECKED_ZONES = 1_000;

/**
 * An IANA zone name this runtime knows (Asia/Shanghai, UTC). Abbreviations Intl also takes (EST,
 * CST) are refused: they name different zones in different places. Each name is checked once:
 * building an Intl.DateTimeFormat for a zone was about a seventh of kpi's CPU, once per trend.
 */
export function isTimeZone(value: string): boolean {
  const known = checkedZones.get(value);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    valid = value === 'UTC' || value.includes('/');
  } catch {
    valid = false;
  }
  if (checkedZones.size >= MAX_CHECKED_ZONES) checkedZones.clear();
  checkedZones.set(value, valid);
  return valid;
}
