import { describe, expect, it } from 'vitest';
import { landingNeedsTeam, landingRoute, navKeys } from './landing';
import type { Session } from './session';

const session = (roles: string[], extra: Partial<Session> = {}): Session => ({
  token: 't',
  label: roles.join(),
  roles,
  centers: [],
  teams: [],
  employeeNo: null,
  ...extra,
});
const known = { homeCenterId: 'c-1', teamId: 't-9' };

describe('role landing', () => {
  it('lands each role on its work', () => {
    expect(landingRoute(session(['CENTER_MANAGER'], { centers: ['SHA-01'] }), known)).toEqual({
      page: 'center',
      centerId: 'c-1',
    });
    expect(landingRoute(session(['ADMIN']), known)).toEqual({ page: 'center', centerId: 'c-1' });
    expect(landingRoute(session(['TEAM_LEAD'], { teams: ['SHA-CARDS-1'], employeeNo: 'E1' }), known)).toEqual(
      {
        page: 'team',
        teamId: 't-9',
      },
    );
    expect(landingRoute(session(['HR'], { centers: ['SHA-01'] }), known)).toEqual({
      page: 'hr',
      centerId: 'c-1',
    });
    expect(landingRoute(session(['QA_EVALUATOR'], { employeeNo: 'E2' }), known)).toEqual({ page: 'qa' });
    expect(landingRoute(session(['CASE_HANDLER'], { centers: ['SHA-01'] }), known)).toEqual({
      page: 'complaints',
      centerId: 'c-1',
    });
    expect(landingRoute(session(['VOC_ANALYST'], { centers: ['SHA-01'] }), known)).toEqual({
      page: 'voc',
      centerId: 'c-1',
    });
    expect(landingRoute(session(['AGENT'], { employeeNo: 'E7' }), known)).toEqual({
      page: 'agent',
      employeeNo: 'E7',
    });
  });

  it('a team lead with only a team code (a token made as the README shows) waits for the team, not a center', () => {
    const lead = session(['TEAM_LEAD'], { teams: ['SHA-CARDS-1'] });
    expect(landingNeedsTeam(lead)).toBe(true);
    expect(landingNeedsTeam(session(['CENTER_MANAGER', 'TEAM_LEAD'], { teams: ['SHA-CARDS-1'] }))).toBe(
      false,
    );
    expect(landingRoute(lead, { homeCenterId: null, teamId: 't-3' })).toEqual({
      page: 'team',
      teamId: 't-3',
    });
  });
});

describe('navigation by role', () => {
  it('offers each role its pages and nothing it would be refused', () => {
    expect(navKeys(session(['CENTER_MANAGER'], { centers: ['SHA-01'] }))).toEqual([
      'centers',
      'hr',
      'qa',
      'erlang',
      'wfm',
      'customers',
      'followUps',
      'complaints',
      'voc',
    ]);
    expect(navKeys(session(['TEAM_LEAD'], { teams: ['SHA-CARDS-1'], employeeNo: 'E1' }))).toEqual([
      'teams',
      'myPage',
      'erlang',
      'wfm',
      'customers',
      'followUps',
    ]);
    expect(navKeys(session(['HR'], { centers: ['SHA-01'] }))).toEqual(['centers', 'hr']);
    expect(navKeys(session(['QA_EVALUATOR'], { employeeNo: 'E2' }))).toEqual(['centers', 'myPage', 'qa']);
    expect(navKeys(session(['AGENT'], { employeeNo: 'E7' }))).toEqual(['myPage']);
    // forecasts, coverage and adherence: wfm's forecast readers only (a workforce planner is not one yet)
    expect(navKeys(session(['BI_READER'], { centers: ['SHA-01'] }))).toContain('wfm');
    expect(navKeys(session(['HR'], { centers: ['SHA-01'] }))).not.toContain('wfm');
    expect(navKeys(session(['CASE_HANDLER'], { centers: ['SHA-01'] }))).toEqual([
      'customers',
      'followUps',
      'complaints',
    ]);
    expect(navKeys(session(['VOC_ANALYST'], { centers: ['SHA-01'] }))).toEqual(['centers', 'voc']);
    // the complaint record is not a team lead's (care shows them the case only)
    expect(navKeys(session(['TEAM_LEAD'], { teams: ['SHA-CARDS-1'] }))).not.toContain('complaints');
  });
});
