/**
 * Staff's model floor: enums its entities, GraphQL types and services share. It imports no feature
 * (a lint rule keeps it so), so every feature may import it.
 */

export enum CenterKind {
  PERMANENT = 'PERMANENT',
  /** Opened for a campaign or a season, between activeFrom and activeTo. */
  TEMPORARY = 'TEMPORARY',
}
