import { resolve } from 'node:path';
import { generateFiles, OUTPUT_FORMATS, type GeneratedFiles, type OutputFormat } from './generate-files';

export interface GenerateCommandOptions {
  contacts: string;
  days: string;
  sites: string;
  from: string;
  seed: string;
  out: string;
  formats: string;
  people: boolean;
}

/** Local midnight in Asia/Shanghai (UTC+8, no daylight saving) of a calendar date. */
export function shanghaiMidnight(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`));
}

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1`);
  return n;
}

export function formatsOf(text: string): OutputFormat[] {
  const formats = text.split(',').map((f) => f.trim());
  const unknown = formats.filter((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f));
  if (unknown.length)
    throw new Error(`--formats: unknown ${unknown.join(', ')} (one of ${OUTPUT_FORMATS.join(', ')})`);
  return formats as OutputFormat[];
}

/** `switchboard generate`: options as typed -> files, and a summary line per file. */
export async function runGenerate(
  options: GenerateCommandOptions,
  print: (line: string) => void,
): Promise<GeneratedFiles> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.from)) throw new Error('--from must be a date YYYY-MM-DD');
  const generated = await generateFiles({
    contacts: positive('contacts', options.contacts),
    days: positive('days', options.days),
    sites: positive('sites', options.sites),
    from: shanghaiMidnight(options.from),
    seed: positive('seed', options.seed),
    outDir: resolve(options.out),
    formats: formatsOf(options.formats),
    people: options.people,
  });
  const { plan } = generated;
  print(
    `${generated.contacts.toLocaleString('en-US')} contacts over ${options.days} days: ` +
      `${plan.organisation.roster.centers.length} centers, ${plan.organisation.roster.teams.length} teams, ` +
      `${plan.organisation.roster.agents.length} agents (${plan.agentsPerTeam} a team), ${generated.queues.length} queues; ` +
      `volume ${plan.scale.toFixed(2)}x the demo's per site`,
  );
  for (const [kind, path] of Object.entries(generated.paths)) print(`  ${kind.padEnd(12)} ${path}`);
  return generated;
}
