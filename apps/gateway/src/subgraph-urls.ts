/** Subgraph names declared in a supergraph (`@join__graph(name: "staff", url: ...)`). */
export function subgraphNames(supergraphSdl: string): string[] {
  return [...supergraphSdl.matchAll(/@join__graph\(name:\s*"([^"]+)"/g)].map((m) => m[1]);
}

/** `<NAME>_URL` environment variables override the URLs written in the supergraph. */
export function subgraphUrlsFromEnv(
  supergraphSdl: string,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const name of subgraphNames(supergraphSdl)) {
    const url = env[`${name.toUpperCase()}_URL`];
    if (url) urls[name] = url;
  }
  return urls;
}

/** The URL each subgraph has in the supergraph (`@join__graph(name: ..., url: ...)`). */
export function subgraphUrlsInSupergraph(supergraphSdl: string): Record<string, string> {
  return Object.fromEntries(
    [...supergraphSdl.matchAll(/@join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]+)"/g)].map((m) => [
      m[1],
      m[2],
    ]),
  );
}
