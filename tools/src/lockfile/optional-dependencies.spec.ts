import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  completeOptionalDependencies,
  missingOptionalDependencies,
  type Lockfile,
} from './optional-dependencies';

describe('lockfile optional dependencies', () => {
  it('the committed lockfile lists every optional dependency, so npm ci accepts it', () => {
    const lock = JSON.parse(
      readFileSync(resolve(__dirname, '../../../package-lock.json'), 'utf8'),
    ) as Lockfile;
    expect(missingOptionalDependencies(lock).map((m) => m.path)).toEqual([]);
  });

  it('adds tarball-less entries for missing optional dependencies, once', () => {
    const lock: Lockfile = {
      packages: {
        'node_modules/native': {
          version: '1.0.0',
          dev: true,
          optionalDependencies: { '@x/bind-linux': '1.0.0', '@x/bind-win': '^1.0.0' },
        },
        'node_modules/@x/bind-linux': { version: '1.0.0', dev: true, optional: true },
      },
    };
    expect(completeOptionalDependencies(lock)).toBe(1);
    expect(lock.packages['node_modules/@x/bind-win']).toEqual({
      version: '1.0.0',
      dev: true,
      optional: true,
    });
    expect(completeOptionalDependencies(lock)).toBe(0);
  });
});
