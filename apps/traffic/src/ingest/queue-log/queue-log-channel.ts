/** `NONE` (or nothing) in callid, queuename or agent: the line is not about one. */
export function noneToNull(field: string): string | null {
  return field === '' || field.toUpperCase() === 'NONE' ? null : field;
}

// Asterisk makes channel names unique with `-` and eight hex digits (`PJSIP/1042-0000002a`);
// a Local channel's two halves add `;1` / `;2`.
const CHANNEL_SEQUENCE = /-[0-9a-f]{8}$/i;
const LOCAL_HALF = /;[12]$/;

/**
 * The employee number a queue member's channel names. DESIGN.md: "the part after the slash".
 * - `Agent/1042`, `PJSIP/1042`, `SIP/1042`, `IAX2/1042` → `1042`.
 * - `Local/1042@agents/n` → `1042`: a Local channel names `exten@context`, and dial options or a
 *   PJSIP contact URI follow a second slash; the context and options are routing, not identity.
 * - A full channel name (`PJSIP/1042-0000002a`, `Local/1042@agents-00000012;1`) → `1042`. Only
 *   that exact suffix shape is stripped, so employee numbers with a dash survive (`SIP/E-1042`);
 *   the one casualty is an employee number ending in `-` + eight hex digits.
 * - No slash (queues.conf `log_membername_as_agent` writes the member name): kept whole.
 * - `NONE` or empty: null.
 */
export function employeeNoFromAgent(agentField: string): string | null {
  const channel = noneToNull(agentField);
  if (channel === null) return null;
  const slash = channel.indexOf('/');
  const resource = slash < 0 ? channel : channel.slice(slash + 1);
  const name = resource.split(/[@/]/)[0].replace(LOCAL_HALF, '').replace(CHANNEL_SEQUENCE, '').trim();
  return name === '' ? null : name;
}

// Placeholders carriers and Asterisk put where the caller ID is withheld. Read as a key they would
// make every withheld caller one "customer" and wreck the repeat-contact (FCR) rule.
const WITHHELD_CALLER_IDS = new Set([
  'unknown',
  '<unknown>',
  'anonymous',
  'restricted',
  'private',
  'unavailable',
]);

/** ENTERQUEUE's caller ID as the customer key; null when empty or withheld. */
export function customerKeyFromCallerId(callerId: string): string | null {
  const value = callerId.trim();
  return value === '' || WITHHELD_CALLER_IDS.has(value.toLowerCase()) ? null : value;
}
