import { outsideScope, scopeClaims, type Identity, type ScopeClaims } from '@switchboard/auth';
import { queryGateway } from './gateway-client';

/** The rows behind a set of center and team codes: what staff reports about them today. */
export interface ScopeMembers {
  centerIds: string[];
  teamIds: string[];
  /** Today's members of those centers' teams and of those teams. */
  employeeNos: string[];
}

/** Turns center and team codes into their ids and today's members. */
export type ScopeSource = (centers: readonly string[], teams: readonly string[]) => Promise<ScopeMembers>;

/**
 * What one caller may see in this subgraph: everything, or a set of centers, teams and agents.
 * Lists are filtered through it (scoped down), single objects outside it are refused or null.
 */
export class DataScope {
  private readonly centerIdSet: ReadonlySet<string>;
  private readonly teamIdSet: ReadonlySet<string>;
  private readonly employeeNoSet: ReadonlySet<string>;
  private readonly centerCodeSet: ReadonlySet<string>;
  private readonly teamCodeSet: ReadonlySet<string>;

  constructor(
    readonly all: boolean,
    claims: Pick<ScopeClaims, 'centers' | 'teams' | 'employeeNo'>,
    members: ScopeMembers,
  ) {
    this.centerIdSet = new Set(members.centerIds);
    this.teamIdSet = new Set(members.teamIds);
    this.employeeNoSet = new Set([...members.employeeNos, ...(claims.employeeNo ? [claims.employeeNo] : [])]);
    this.centerCodeSet = new Set(claims.centers);
    this.teamCodeSet = new Set(claims.teams);
  }

  /** Just one agent: themself. */
  static ofAgent(employeeNo: string): DataScope {
    return new DataScope(
      false,
      { centers: [], teams: [], employeeNo },
      { centerIds: [], teamIds: [], employeeNos: [] },
    );
  }

  static everything(): DataScope {
    return new DataScope(true, { centers: [], teams: [] }, { centerIds: [], teamIds: [], employeeNos: [] });
  }

  seesAgent(employeeNo: string): boolean {
    return this.all || this.employeeNoSet.has(employeeNo);
  }

  seesCenter(centerId: string | null | undefined): boolean {
    return this.all || (centerId != null && this.centerIdSet.has(centerId));
  }

  seesCenterCode(code: string): boolean {
    return this.all || this.centerCodeSet.has(code);
  }

  /** A team is visible in full to its lead and to its center's manager. */
  seesTeam(teamId: string | null | undefined): boolean {
    return this.all || (teamId != null && this.teamIdSet.has(teamId));
  }

  seesTeamCode(code: string): boolean {
    return this.all || this.teamCodeSet.has(code);
  }

  /** Visible employee numbers, or null when every one is (for SQL: `$1::text[] is null or x = any($1)`). */
  get employeeNos(): string[] | null {
    return this.all ? null : [...this.employeeNoSet];
  }

  /** Visible center ids, or null when every one is. */
  get centerIds(): string[] | null {
    return this.all ? null : [...this.centerIdSet];
  }

  /** Visible team ids (whole teams), or null when every one is. */
  get teamIds(): string[] | null {
    return this.all ? null : [...this.teamIdSet];
  }

  /** Throws FORBIDDEN for an agent outside the scope. */
  requireAgent(employeeNo: string, action: string): void {
    if (!this.seesAgent(employeeNo)) throw outsideScope(action);
  }

  /**
   * A record looked up by id, of agent `employeeNo` (null: there is no such record): a restricted
   * caller is refused alike, FORBIDDEN, whether it is missing or outside their scope, so no answer
   * tells them that a record they may not see exists. Check it before anything about the record.
   */
  requireRecordOf(employeeNo: string | null, action: string): void {
    if (!this.all && (employeeNo === null || !this.employeeNoSet.has(employeeNo))) throw outsideScope(action);
  }

  requireCenter(centerId: string | null | undefined, action: string): void {
    if (!this.seesCenter(centerId)) throw outsideScope(action);
  }

  requireTeam(teamId: string | null | undefined, action: string): void {
    if (!this.seesTeam(teamId)) throw outsideScope(action);
  }
}

/** The caller's scope: claims from the token, turned into rows by `source` only when needed. */
export async function resolveDataScope(identity: Identity, source: ScopeSource): Promise<DataScope> {
  const claims = scopeClaims(identity);
  if (claims.all) return DataScope.everything();
  const members =
    claims.centers.length || claims.teams.length
      ? await source(claims.centers, claims.teams)
      : { centerIds: [], teamIds: [], employeeNos: [] };
  return new DataScope(false, claims, members);
}

/**
 * Remembers each answer of `source` for `ttlMs` (and shares one answer among concurrent callers),
 * so a manager's dashboard costs staff one lookup a minute, not one per request. A team change
 * reaches other subgraphs' scoping within `ttlMs`.
 */
export function cachedScopeSource(source: ScopeSource, ttlMs = 60_000, maxEntries = 1000): ScopeSource {
  const cache = new Map<string, { at: number; members: Promise<ScopeMembers> }>();
  return (centers, teams) => {
    const key = `${centers.join(',')}|${teams.join(',')}`;
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && now - hit.at < ttlMs) return hit.members;
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    const members = source(centers, teams);
    cache.set(key, { at: now, members });
    members.catch(() => cache.delete(key));
    return members;
  };
}

const SCOPE_QUERY = `query($centers: [String!]!, $teams: [String!]!) {
  accessScope(centers: $centers, teams: $teams) { centerIds teamIds employeeNos } }`;

/** Asks staff, through the gateway with the service's own token, who is in a set of centers and teams. */
export function gatewayScopeSource(url?: string): ScopeSource {
  return async (centers, teams) =>
    (
      await queryGateway<{ accessScope: ScopeMembers }>(
        SCOPE_QUERY,
        { centers, teams },
        { purpose: 'access scope', ...(url ? { url } : {}) },
      )
    ).accessScope;
}

/**
 * A fixed directory, for tests of one subgraph without staff: center code -> {id, teams}, team
 * code -> {id, employeeNos}.
 */
export function staticScopeSource(directory: {
  centers?: Record<string, { id: string; teams: string[] }>;
  teams?: Record<string, { id: string; employeeNos: string[] }>;
}): ScopeSource {
  return async (centers, teams) => {
    const teamCodes = new Set(teams);
    const centerIds: string[] = [];
    for (const code of centers) {
      const center = directory.centers?.[code];
      if (!center) continue;
      centerIds.push(center.id);
      for (const team of center.teams) teamCodes.add(team);
    }
    const teamIds: string[] = [];
    const employeeNos = new Set<string>();
    for (const code of teamCodes) {
      const team = directory.teams?.[code];
      if (!team) continue;
      teamIds.push(team.id);
      for (const employeeNo of team.employeeNos) employeeNos.add(employeeNo);
    }
    return { centerIds, teamIds, employeeNos: [...employeeNos] };
  };
}
