import type { Identity } from '@switchboard/auth';

export interface GatewayContext {
  requestId: string;
  /** The verified caller; every subgraph request carries it in a token minted for that subgraph. */
  identity: Identity;
}
