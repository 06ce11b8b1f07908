import { createServer } from 'node:net';

/**
 * A port nothing listens on now, for a service a test starts as its own process (which must be told
 * its port): asked of the OS, not drawn at random, which could meet another test's port.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
