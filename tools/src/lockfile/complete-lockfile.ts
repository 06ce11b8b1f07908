import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { completeOptionalDependencies, type Lockfile } from './optional-dependencies';

/** npm run lockfile:complete — run after every dependency change (a test fails until you do). */
const path = resolve(__dirname, '..', '..', '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(path, 'utf8')) as Lockfile;
const added = completeOptionalDependencies(lock);
if (added > 0) writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  added ? `added ${added} optional dependency entries to package-lock.json` : 'package-lock.json is complete',
);
