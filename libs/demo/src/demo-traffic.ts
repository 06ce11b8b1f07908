import { DEMO_SEED, demoRoster, type DemoCenter, type DemoRoster } from './demo-roster';
import { lognormalMean, sampler, type Sampler } from './demo-traffic-distributions';
import { demoQueueModels, type DemoChannel, type DemoQueueModel } from './demo-traffic-queues';
import { DemoRepeatBook } from './demo-traffic-repeats';
import {
  DAY_MS,
  INTERVAL_MS,
  WEEKDAY_FACTOR,
  erlangCServers,
  intradayProfile,
  localIsoDate,
  shanghaiClock,
  type IntradayProfile,
} from './demo-traffic-workload';
import { pick, seededRandom } from './random';

// Math's members bound once: a global lookup per call is slow in sandboxes such as Jest's vm.
const { ceil, floor, max, min, round } = Math;

export type DemoDirection = 'INBOUND' | 'OUTBOUND';
export type DemoOutcome = 'ANSWERED' | 'ABANDONED' | 'IVR' | 'CALLBACK' | 'OVERFLOW';

/** One generated contact: the canonical contact record of DESIGN.md (apps/traffic contact-record.ts). */
export interface DemoContact {
  source: string;
  externalId: string;
  channel: DemoChannel;
  direction: DemoDirection;
  queue: string | null;
  agent: string | null;
  customerKey: string | null;
  arrivedAt: Date;
  answeredAt: Date | null;
  endedAt: Date;
  holdSeconds: number;
  acwSeconds: number;
  outcome: DemoOutcome;
  transferred: boolean;
  wrapupCode: string | null;
}

export interface DemoTrafficOptions {
  from: Date;
  days: number;
  /** Seed of the traffic (the roster always uses DEMO_SEED). */
  seed?: number;
  /** Volume multiplier; 1 = about 3,000-6,000 contacts per weekday. */
  scale?: number;
  /** The organisation whose agents answer (default: the demo roster). */
  roster?: DemoRoster;
  /** The queues and their traffic parameters (default: demoQueueModels()). */
  models?: DemoQueueModel[];
  /** ContactRecord.source (default DEMO_TRAFFIC_SOURCE) and the externalId prefix (default `demo-`). */
  source?: string;
  idPrefix?: string;
  /** Distinct customers new contacts are drawn from (default 3,000,000). */
  customers?: number;
}

export const DEMO_TRAFFIC_SOURCE = 'demo';

const IVR_CODES = ['IVR_BALANCE', 'IVR_CARD_ACTIVATION', 'IVR_STATEMENT', 'IVR_REPORT_LOSS'];
/** Who calls again, and after how long (lognormal, minutes): [probability, median, sigma]. */
const REPEAT: Record<DemoOutcome, [number, number, number]> = {
  ANSWERED: [0.16, 20 * 60, 1.0],
  ABANDONED: [0.6, 15, 1.2],
  OVERFLOW: [0.6, 10, 1.0],
  IVR: [0.1, 60, 1.2],
  CALLBACK: [0, 0, 0],
};
const MAX_REPEAT_DELAY_MS = 6 * DAY_MS;

interface QueueState {
  model: DemoQueueModel;
  index: number;
  profile: IntradayProfile;
  /** Mean seconds a server is busy per answered contact (talk + hold + ACW + ring). */
  busyMean: number;
  agents: string[];
  /** When each server (an agent, or one of an agent's chat slots) is next free, ms. */
  free: Float64Array;
  /** Servers on duty this interval. */
  servers: number;
  volume: number;
  plannedVolume: number;
  attendance: number;
  rotation: number;
}

/** Active agents and senior agents of each queue's teams; a team serving several queues is split. */
function agentPools(roster: DemoRoster, models: DemoQueueModel[], firstDay: string): string[][] {
  const queuesOfTeam = new Map<string, number[]>();
  models.forEach((m, i) =>
    m.teamCodes.forEach((t) => queuesOfTeam.set(t, [...(queuesOfTeam.get(t) ?? []), i])),
  );
  const pools = models.map((): string[] => []);
  const seen = new Map<string, number>();
  for (const agent of roster.agents) {
    const team = agent.teams.at(-1);
    const queues = team ? queuesOfTeam.get(team.teamCode) : undefined;
    if (!team || team.to !== null || !queues || agent.status !== 'ACTIVE') continue;
    // New hires still in training (hired inside the window) take no calls yet.
    if ((agent.role !== 'AGENT' && agent.role !== 'SENIOR_AGENT') || agent.hireDate > firstDay) continue;
    const n = seen.get(team.teamCode) ?? 0;
    seen.set(team.teamCode, n + 1);
    pools[queues[n % queues.length]].push(agent.employeeNo);
  }
  return pools;
}

function isOpen(center: DemoCenter | undefined, date: string): boolean {
  return (
    !!center &&
    (!center.activeFrom || center.activeFrom <= date) &&
    (!center.activeTo || date <= center.activeTo)
  );
}

function startDay(state: QueueState, draw: Sampler, weekday: number, dayNoise: number, open: boolean): void {
  const { model } = state;
  const campaign = model.campaign && draw.uniform() < 0.3 ? 2 + draw.uniform() : 1;
  const base = open ? model.dailyVolume * WEEKDAY_FACTOR[weekday] : 0;
  state.volume = base * campaign * dayNoise * draw.lognormal(1, 0.06);
  // The campaign team hears of a mailing late: the plan follows the spike only part of the way.
  state.plannedVolume = base * (1 + (campaign - 1) * 0.4);
  // Sickness, meetings and coaching leave fewer agents on the phones than planned.
  state.attendance = 0.7 + 0.2 * draw.uniform();
  state.rotation = floor(draw.uniform() * max(1, state.agents.length));
}

/** Servers on duty: Erlang C for 80/20 on the planned load, less absence, at least a skeleton crew. */
function staff(state: QueueState, interval: number, scale: number): void {
  const { model, profile } = state;
  if (state.plannedVolume === 0 || profile.actual[interval] === 0) {
    state.servers = 0;
    return;
  }
  const planned = state.plannedVolume * scale * profile.planned[interval] * (1 - model.ivrShare);
  const load = (planned * state.busyMean) / (INTERVAL_MS / 1000);
  const needed = ceil(erlangCServers(load, state.busyMean) * state.attendance);
  const skeleton = model.concurrency * (model.openHours ? 1 : 2);
  const cap = max(skeleton, ceil(state.agents.length * model.concurrency * max(1, scale)));
  state.servers = min(cap, max(skeleton, needed));
}

/** Night, early and late shift crews are different agents of the pool; rotation varies them by day. */
function agentOf(state: QueueState, server: number, hour: number): string | null {
  const { agents } = state;
  if (!agents.length) return null;
  const shift = hour < 7 || hour >= 22 ? 0 : hour < 14 ? 1 : 2;
  const crew = shift * ceil(agents.length / 3);
  return agents[(state.rotation + crew + floor(server / state.model.concurrency)) % agents.length];
}

function newCustomerKey(draw: Sampler, channel: DemoChannel, customers: number): string | null {
  // Some callers withhold their number and are not identified.
  if (channel === 'VOICE' && draw.uniform() < 0.03) return null;
  return `C${10_000_000 + floor(draw.uniform() * customers)}`;
}

type Timing = Pick<
  DemoContact,
  'outcome' | 'answeredAt' | 'endedAt' | 'agent' | 'holdSeconds' | 'acwSeconds' | 'transferred' | 'wrapupCode'
>;

/**
 * FCFS with several servers: taking callers in arrival order, each goes to the server that frees
 * first (exact for FCFS), waits for it unless patience (exponential) runs out first, and only the
 * answered occupy a server. Waits thus grow with load against the agents on duty, and so do abandons.
 */
function queueContact(state: QueueState, draw: Sampler, at: number, hour: number): Timing {
  const { model, free } = state;
  let server = 0;
  for (let s = 1; s < state.servers; s += 1) if (free[s] < free[server]) server = s;
  const ring = 2 + floor(draw.uniform() * 5);
  const wait = max(0, ceil((free[server] - at) / 1000)) + ring;
  const patience = floor(draw.exponential(model.patienceMean));
  const unanswered = { answeredAt: null, agent: null, holdSeconds: 0, acwSeconds: 0, transferred: false };
  const overflow = model.overflowSeconds;
  if (overflow !== null && wait > overflow && patience >= overflow)
    return { ...unanswered, outcome: 'OVERFLOW', endedAt: new Date(at + overflow * 1000), wrapupCode: null };
  if (patience < wait)
    return { ...unanswered, outcome: 'ABANDONED', endedAt: new Date(at + patience * 1000), wrapupCode: null };
  const talk = max(10, round(draw.lognormal(model.talkMedian, model.talkSigma)));
  const hold =
    draw.uniform() < model.holdProbability ? min(round(draw.lognormal(45, 0.7)), floor(talk / 2)) : 0;
  const acw = round(draw.lognormal(model.acwMedian, 0.5));
  const answeredAt = at + wait * 1000;
  const endedAt = answeredAt + (talk + hold) * 1000;
  free[server] = endedAt + acw * 1000;
  return {
    outcome: 'ANSWERED',
    answeredAt: new Date(answeredAt),
    endedAt: new Date(endedAt),
    agent: agentOf(state, server, hour),
    holdSeconds: hold,
    acwSeconds: acw,
    transferred: draw.uniform() < model.transferRate,
    wrapupCode: pick(draw.uniform, model.wrapupCodes),
  };
}

function ivrContact(draw: Sampler, at: number): Timing {
  return {
    outcome: 'IVR',
    answeredAt: null,
    endedAt: new Date(at + round(draw.lognormal(75, 0.5)) * 1000),
    agent: null,
    holdSeconds: 0,
    acwSeconds: 0,
    transferred: false,
    wrapupCode: pick(draw.uniform, IVR_CODES),
  };
}

function scheduleRepeat(repeats: DemoRepeatBook, draw: Sampler, queue: number, contact: DemoContact): void {
  if (!contact.customerKey) return;
  const [probability, medianMinutes, sigma] = REPEAT[contact.outcome];
  if (draw.uniform() >= probability + (contact.transferred ? 0.1 : 0)) return;
  const delay = min(MAX_REPEAT_DELAY_MS, draw.lognormal(medianMinutes, sigma) * 60_000);
  repeats.schedule(queue, contact.endedAt.getTime() + delay, contact.customerKey);
}

/**
 * Demo contacts of the demo centers from `from` for `days` days, in arrival order, generated as they
 * are consumed (one 15-minute interval in memory at a time). Poisson arrivals per queue and interval
 * around an intraday (Asia/Shanghai) and weekday profile; lognormal handle times; exponential
 * patience against simulated waits; IVR containment, overflow, repeat callers, campaign spikes and
 * transfers. The same options always give the same sequence.
 */
export function* demoContacts(options: DemoTrafficOptions): Generator<DemoContact> {
  const draw = sampler(seededRandom(options.seed ?? DEMO_SEED));
  const scale = options.scale ?? 1;
  const start = options.from.getTime();
  const end = start + options.days * DAY_MS;
  const firstDay = localIsoDate(shanghaiClock(start).day);
  const roster = options.roster ?? demoRoster(DEMO_SEED, undefined, localIsoDate(shanghaiClock(end - 1).day));
  const models = options.models ?? demoQueueModels();
  const source = options.source ?? DEMO_TRAFFIC_SOURCE;
  const idPrefix = options.idPrefix ?? 'demo-';
  const customers = options.customers ?? 3_000_000;
  const pools = agentPools(roster, models, firstDay);
  const states: QueueState[] = models.map((model, index) => ({
    model,
    index,
    profile: intradayProfile(model.channel, model.openHours),
    busyMean:
      lognormalMean(model.talkMedian, model.talkSigma) +
      model.holdProbability * lognormalMean(45, 0.7) +
      lognormalMean(model.acwMedian, 0.5) +
      4,
    agents: pools[index],
    free: new Float64Array(max(2, pools[index].length) * model.concurrency * max(1, ceil(scale))),
    servers: 0,
    volume: 0,
    plannedVolume: 0,
    attendance: 1,
    rotation: 0,
  }));
  const repeats = new DemoRepeatBook(states.length);
  let day = Number.NaN;
  let sequence = 0;
  for (let t = start; t < end; t += INTERVAL_MS) {
    const clock = shanghaiClock(t);
    if (clock.day !== day) {
      day = clock.day;
      const date = localIsoDate(day);
      const dayNoise = draw.lognormal(1, 0.05);
      for (const state of states) {
        const center = roster.centers.find((c) => c.code === state.model.centerCode);
        startDay(state, draw, clock.weekday, dayNoise, isOpen(center, date));
      }
    }
    const seconds = min(INTERVAL_MS, end - t) / 1000;
    const arrivals: { at: number; state: QueueState }[] = [];
    for (const state of states) {
      staff(state, clock.interval, scale);
      const mean = state.volume * scale * state.profile.actual[clock.interval] * (seconds / 900);
      for (let n = draw.poisson(mean); n > 0; n -= 1)
        arrivals.push({ at: t + floor(draw.uniform() * seconds) * 1000, state });
    }
    arrivals.sort((a, b) => a.at - b.at || a.state.index - b.state.index);
    for (const { at, state } of arrivals) {
      const { model, index } = state;
      sequence += 1;
      const customerKey = repeats.take(index, at) ?? newCustomerKey(draw, model.channel, customers);
      const ivr = model.channel === 'VOICE' && draw.uniform() < model.ivrShare;
      const contact: DemoContact = {
        source,
        externalId: `${idPrefix}${sequence}`,
        channel: model.channel,
        direction: 'INBOUND',
        queue: ivr ? null : model.code,
        customerKey,
        arrivedAt: new Date(at),
        ...(ivr ? ivrContact(draw, at) : queueContact(state, draw, at, clock.hour)),
      };
      scheduleRepeat(repeats, draw, index, contact);
      yield contact;
    }
  }
}
