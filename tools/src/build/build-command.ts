import { relative } from 'node:path';
import { buildProduction, DIST } from './production-build';

/** `npm run build`: the production build in dist/ (see production-build.ts). */
const started = Date.now();
const report = buildProduction();
console.log(
  JSON.stringify({
    msg: 'production build written',
    dir: relative(process.cwd(), DIST),
    workspaces: report.workspaces.length,
    files: report.compiled,
    ms: Date.now() - started,
  }),
);
