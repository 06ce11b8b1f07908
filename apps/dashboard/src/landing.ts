import type { Route } from './routing';
import type { Session } from './session';

/** What the signed-in person's page list may hold. */
export type NavKey =
  | 'centers'
  | 'teams'
  | 'myPage'
  | 'hr'
  | 'qa'
  | 'erlang'
  | 'wfm'
  | 'customers'
  | 'followUps'
  | 'complaints'
  | 'voc';

/** Roles that read whole centers (their overview and teams); the API narrows to their scope. */
const CENTER_READERS = ['ADMIN', 'CENTER_MANAGER', 'BI_READER', 'WORKFORCE_PLANNER'];
const HR_READERS = ['ADMIN', 'CENTER_MANAGER', 'HR', 'TRAINER'];
const QA_READERS = ['ADMIN', 'CENTER_MANAGER', 'QA_EVALUATOR'];
/** Who reads forecasts, coverage and adherence (wfm's FORECAST_READERS). */
const WFM_READERS = ['ADMIN', 'CENTER_MANAGER', 'BI_READER', 'TEAM_LEAD'];
/** Who works with customers' timelines and the follow-up promises (care's readers, agents aside). */
const CARE_READERS = ['ADMIN', 'CENTER_MANAGER', 'TEAM_LEAD', 'CASE_HANDLER'];
/** Who reads complaint records and their regulatory clocks (care's complaint readers). */
const COMPLAINT_READERS = ['ADMIN', 'CENTER_MANAGER', 'CASE_HANDLER'];
/** Who reads a center's voice of the customer (voc's center readers). */
const VOC_READERS = ['ADMIN', 'CENTER_MANAGER', 'BI_READER', 'VOC_ANALYST'];

const has = (session: Session, roles: readonly string[]) => session.roles.some((r) => roles.includes(r));

/**
 * Where a role's day starts: a manager (or admin, BI) on their center, a team lead on their team, HR
 * on compliance, a QA evaluator on what they owe, a case handler on complaints' deadlines, the VOC team
 * on the voice of the customer, an agent on their own page. `teamId` is the id of
 * the first team the token names (looked up by code), null while unknown.
 */
export function landingRoute(
  session: Session,
  known: { homeCenterId: string | null; teamId: string | null },
): Route {
  if (has(session, CENTER_READERS)) return { page: 'center', centerId: known.homeCenterId };
  if (session.roles.includes('TEAM_LEAD') && known.teamId) return { page: 'team', teamId: known.teamId };
  if (session.roles.includes('HR') || session.roles.includes('TRAINER'))
    return { page: 'hr', centerId: known.homeCenterId };
  if (session.roles.includes('QA_EVALUATOR')) return { page: 'qa' };
  // a case handler's day starts on the complaints' deadlines (the regulatory clock), follow-ups next
  if (session.roles.includes('CASE_HANDLER')) return { page: 'complaints', centerId: known.homeCenterId };
  // the voice-of-the-customer team's day starts on what customers say
  if (session.roles.includes('VOC_ANALYST')) return { page: 'voc', centerId: known.homeCenterId };
  if (session.employeeNo) return { page: 'agent', employeeNo: session.employeeNo };
  return { page: 'center', centerId: known.homeCenterId };
}

/** Whether the landing waits for the team lookup (a team lead whose token names a team). */
export function landingNeedsTeam(session: Session): boolean {
  return !has(session, CENTER_READERS) && session.roles.includes('TEAM_LEAD') && session.teams.length > 0;
}

/** The pages a role is offered, in order: nothing they would only be refused. */
export function navKeys(session: Session): NavKey[] {
  const keys: NavKey[] = [];
  const centerReader =
    has(session, CENTER_READERS) || has(session, ['HR', 'QA_EVALUATOR', 'TRAINER', 'VOC_ANALYST']);
  if (centerReader) keys.push('centers');
  if (session.teams.length > 0 && has(session, ['TEAM_LEAD', 'CENTER_MANAGER'])) keys.push('teams');
  if (session.employeeNo) keys.push('myPage');
  if (has(session, HR_READERS)) keys.push('hr');
  if (has(session, QA_READERS)) keys.push('qa');
  if (has(session, [...CENTER_READERS, 'TEAM_LEAD'])) keys.push('erlang');
  if (has(session, WFM_READERS)) keys.push('wfm');
  if (has(session, CARE_READERS)) keys.push('customers', 'followUps');
  if (has(session, COMPLAINT_READERS)) keys.push('complaints');
  if (has(session, VOC_READERS)) keys.push('voc');
  return keys;
}
