const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a row (and must not reach PostgreSQL as a uuid). */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/**
 * An IANA zone name this runtime knows (Asia/Shanghai, UTC). Abbreviations Intl also takes (EST,
 * CST) are refused: they name different zones in different places.
 */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value === 'UTC' || value.includes('/');
  } catch {
    return false;
  }
}
