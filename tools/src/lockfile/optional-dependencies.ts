/**
 * npm leaves an optional dependency out of package-lock.json when the registry it reaches does not
 * serve it (here: other platforms' native bindings), and `npm ci` then refuses the lockfile as out
 * of sync. An entry without a tarball is enough for npm ci: it tries the optional package, skips it
 * when it cannot be fetched, and installs the rest.
 */
export interface Lockfile {
  packages: Record<
    string,
    { version?: string; dev?: boolean; optional?: boolean; optionalDependencies?: Record<string, string> }
  >;
}

/** Optional dependencies named by a locked package but missing from the lockfile. */
export function missingOptionalDependencies(
  lock: Lockfile,
): { path: string; version: string; dev: boolean }[] {
  const missing = new Map<string, { path: string; version: string; dev: boolean }>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
      const nested = `${path}/node_modules/${name}`;
      const hoisted = `node_modules/${name}`;
      if (lock.packages[nested] || lock.packages[hoisted] || missing.has(hoisted)) continue;
      missing.set(hoisted, { path: hoisted, version: range.replace(/^[\^~=]/, ''), dev: entry.dev === true });
    }
  }
  return [...missing.values()];
}

/** Adds a tarball-less entry for each missing optional dependency; returns how many it added. */
export function completeOptionalDependencies(lock: Lockfile): number {
  const missing = missingOptionalDependencies(lock);
  for (const { path, version, dev } of missing) {
    lock.packages[path] = { version, ...(dev ? { dev: true } : {}), optional: true };
  }
  return missing.length;
}
