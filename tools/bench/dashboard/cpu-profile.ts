/** A V8 CPU profile (.cpuprofile) as the inspector writes it. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * A frame's package (node_modules, scoped ones with their scope), app or lib, or Node's own file;
 * `native` for a frame without a file (native code, GC, idle).
 */
export function groupOf(url: string, native = '(native)'): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const app = /\/(apps|libs)\/([^/]+)\//.exec(url);
  if (app) return `${app[1]}/${app[2]}`;
  return url ? `node:${url.replace(/^.*\//, '')}` : native;
}
