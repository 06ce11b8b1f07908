import type { Options } from '@swc/core';

/** How the repository's TypeScript is compiled at run time (register.js) and by the production build. */
export declare const swcOptions: Options;
