import { DAY_MS, demoContacts, shanghaiClock, type DemoContact } from '@switchboard/demo';
import {
  DEMO_AGENTS_PER_TEAM,
  expectedContacts,
  generatedOrganisation,
  type GeneratedOrganisation,
} from './organisation';

export const GENERATOR_SOURCE = 'generated-acd';

export interface GeneratorOptions {
  /** Contacts to write: the generator stops at exactly this many. */
  contacts: number;
  days: number;
  /** Copies of the demo organisation (2 centers, 10 teams, 10 queues each). */
  sites: number;
  /** First instant of the window (use a local midnight of Asia/Shanghai for whole days). */
  from: Date;
  seed: number;
}

export interface GeneratorPlan {
  organisation: GeneratedOrganisation;
  /** Volume multiplier of the demo's traffic per site, and the team size that answers it. */
  scale: number;
  agentsPerTeam: number;
  customers: number;
}

/**
 * Sizes the organisation to the contacts asked for: the volume is set so that the window's expected
 * contacts are 6% above the target (Poisson and day-to-day noise rarely fall that short) and the
 * teams grow with it, so every site is staffed like the demo whatever the size.
 */
export function planGeneration(options: GeneratorOptions): GeneratorPlan {
  const lastDay = shanghaiClock(options.from.getTime() + options.days * DAY_MS - 1).day;
  const today = new Date(lastDay * DAY_MS).toISOString().slice(0, 10);
  const base = generatedOrganisation({ sites: options.sites, agentsPerTeam: 1, seed: options.seed, today });
  const expected = expectedContacts(base.models, base.roster, options.from, options.days);
  const scale = (options.contacts * 1.06) / Math.max(1, expected);
  const agentsPerTeam = Math.max(DEMO_AGENTS_PER_TEAM, Math.ceil(DEMO_AGENTS_PER_TEAM * scale));
  const organisation = generatedOrganisation({
    sites: options.sites,
    agentsPerTeam,
    seed: options.seed,
    today,
  });
  // A bank's customer calls a few times a year: ten customers for every contact of the window keep
  // chance meetings of keys rare, so repeats (and FCR) come from the repeat model, not collisions.
  const customers = Math.max(100_000, options.contacts * 10);
  return { organisation, scale, agentsPerTeam, customers };
}

/** The contacts, in arrival order, generated as they are consumed; the same options give the same ones. */
export function* generatedContacts(
  options: GeneratorOptions,
  plan = planGeneration(options),
): Generator<DemoContact> {
  let produced = 0;
  if (options.contacts <= 0) return;
  for (const contact of demoContacts({
    from: options.from,
    days: options.days,
    seed: options.seed,
    scale: plan.scale,
    roster: plan.organisation.roster,
    models: plan.organisation.models,
    source: GENERATOR_SOURCE,
    idPrefix: 'G',
    customers: plan.customers,
  })) {
    yield contact;
    if (++produced >= options.contacts) return;
  }
}
