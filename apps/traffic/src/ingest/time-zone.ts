/** An IANA zone name Intl knows (e.g. Asia/Shanghai, UTC). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value === 'UTC' || value.includes('/');
  } catch {
    return false;
  }
}
