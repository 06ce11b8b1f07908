/**
 * Ports a test server listens on, chosen at random below Linux's ephemeral range (32768–60999 by
 * default), where the kernel hands out ports to every outgoing connection and every `listen(0)`: a
 * fixed pick inside it can be taken by a connection of another process at that moment ("is the port
 * in use?"), which made npm start's and the test cluster's ports collide now and then. The ranges
 * split 20000–32767 so that the callers never pick each other's ports.
 */
export const TEST_PORT_RANGES = {
  /** npm start installations: a base and up to 300 ports above it (gateway, PostgreSQL, subgraphs). */
  installation: [20_000, 29_000],
  /** A single service a test starts on a port of its own. */
  service: [29_500, 31_000],
  /** The test run's embedded PostgreSQL. */
  cluster: [31_000, 32_500],
} as const;

/** A random port in one of the ranges above. */
export function randomTestPort(range: keyof typeof TEST_PORT_RANGES): number {
  const [from, to] = TEST_PORT_RANGES[range];
  return from + Math.floor(Math.random() * (to - from));
}
