import { demoHandledContacts, type DemoHandledContact } from './demo-qa-contacts';
import { demoScorecards, type DemoScorecard } from './demo-qa-scorecards';
import { demoRoster, DEMO_SEED } from './demo-roster';
import { demoTrafficWindow } from './demo-traffic-window';
import { pick, seededRandom } from './random';

export interface DemoAnswer {
  criterionKey: string;
  value: number | null;
  na: boolean;
}

export interface DemoEvaluation {
  scorecardCode: string;
  scorecardVersion: number;
  agentEmployeeNo: string;
  evaluatorEmployeeNo: string;
  /** A contact of traffic's demo (source and externalId) that the agent answered. */
  contactSource: string;
  contactExternalId: string;
  createdAt: Date;
  submittedAt: Date | null;
  status: 'DRAFT' | 'SUBMITTED' | 'ACKNOWLEDGED' | 'DISPUTED' | 'RESOLVED';
  answers: DemoAnswer[];
  disputeReason: string | null;
  resolutionReason: string | null;
}

export interface DemoCalibration {
  scorecardCode: string;
  scorecardVersion: number;
  agentEmployeeNo: string;
  contactSource: string;
  contactExternalId: string;
  calibratorEmployeeNo: string;
  createdAt: Date;
  /** The calibrator first; every participant's submitted answers. */
  scores: { evaluatorEmployeeNo: string; answers: DemoAnswer[] }[];
}

export interface DemoQa {
  scorecards: DemoScorecard[];
  evaluations: DemoEvaluation[];
  calibrations: DemoCalibration[];
  /** Evaluator -> the agents they sample (the demo sampling plan). */
  assignments: { evaluatorEmployeeNo: string; agentEmployeeNos: string[] }[];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Text channels are scored on the chat scorecard, voice and video on the voice one. */
const isSpoken = (c: DemoHandledContact): boolean => c.channel === 'VOICE' || c.channel === 'VIDEO';

/** Answers of an agent whose quality is `skill` (0..1); evaluator `bias` shifts scale answers. */
function answer(scorecard: DemoScorecard, skill: number, bias: number, random: () => number): DemoAnswer[] {
  return scorecard.sections.flatMap((section) =>
    section.criteria.map((c) => {
      if (c.allowNa && random() < 0.2) return { criterionKey: c.key, value: null, na: true };
      if (c.type === 'YES_NO') {
        const failure = c.critical === 'NONE' ? 1 - skill : (1 - skill) * 0.12;
        return { criterionKey: c.key, value: random() < failure ? 0 : 1, na: false };
      }
      const level = skill + bias + (random() - 0.5) * 0.35;
      const value = Math.max(0, Math.min(c.scaleMax, Math.round(level * c.scaleMax)));
      return { criterionKey: c.key, value, na: false };
    }),
  );
}

/**
 * How another evaluator scores the call the calibrator heard: scale answers moved by their bias
 * (and now and then by one step), a non-critical yes/no read differently one time in 25.
 */
function judge(
  scorecard: DemoScorecard,
  heard: DemoAnswer[],
  bias: number,
  random: () => number,
): DemoAnswer[] {
  const criteria = new Map(scorecard.sections.flatMap((s) => s.criteria).map((c) => [c.key, c]));
  return heard.map((a) => {
    const c = criteria.get(a.criterionKey);
    if (!c || a.na || a.value === null) return a;
    if (c.type === 'YES_NO')
      return c.critical === 'NONE' && random() < 0.04 ? { ...a, value: 1 - a.value } : a;
    const shift = Math.round(bias * c.scaleMax + (random() - 0.5) * 1.1);
    return { ...a, value: Math.max(0, Math.min(c.scaleMax, a.value + shift)) };
  });
}

/**
 * The demo traffic month (demoTrafficWindow) of QA for the demo organisation: two or three
 * evaluations per agent per week by the SHA-01 QA evaluators (who cover both centers), each of a
 * different contact the agent answered in traffic's demo (`handled`), created after the contact
 * ended, on the scorecard version published at the time; most acknowledged, some disputed and
 * resolved, the last days partly unsubmitted; six calibration sessions of real calls, one evaluator
 * drifting. Deterministic per seed and day.
 */
export function demoQa(
  seed = DEMO_SEED,
  today = new Date(),
  handled: Map<string, DemoHandledContact[]> = demoHandledContacts(today),
): DemoQa {
  const random = seededRandom(seed + 5);
  const roster = demoRoster();
  const scorecards = demoScorecards();
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const evaluators = roster.agents.filter((a) => a.role === 'QA_EVALUATOR' && a.status !== 'TERMINATED');
  const agents = roster.agents.filter(
    (a) => (a.role === 'AGENT' || a.role === 'SENIOR_AGENT') && a.status !== 'TERMINATED',
  );
  const skills = new Map(agents.map((a) => [a.employeeNo, 0.55 + a.careerLevel * 0.03 + random() * 0.25]));
  const bias = new Map(
    evaluators.map((e, i) => [e.employeeNo, i === evaluators.length - 1 ? -0.5 : (random() - 0.5) * 0.06]),
  );
  const evaluatorOf = (i: number) => evaluators[i % evaluators.length].employeeNo;
  const versionAt = (code: string, at: number): DemoScorecard =>
    scorecards.find(
      (s) =>
        s.code === code &&
        at >= end - s.publishedDaysAgo * DAY &&
        (s.retiredDaysAgo === null || at < end - s.retiredDaysAgo * DAY),
    ) as DemoScorecard;
  const evaluations: DemoEvaluation[] = [];
  // Contacts that ended at least two hours before today's midnight (UTC) are evaluated.
  const last = end - 2 * HOUR;
  for (let weekStart = demoTrafficWindow(today).from.getTime(); weekStart < last; weekStart += 7 * DAY) {
    const weekEnd = Math.min(weekStart + 7 * DAY, last);
    agents.forEach((agent, i) => {
      const week = (handled.get(agent.employeeNo) ?? []).filter(
        (c) => c.endedAt >= weekStart && c.endedAt < weekEnd,
      );
      const count = Math.min(week.length, random() < 0.5 ? 3 : 2);
      for (let k = 0; k < count; k += 1) {
        const [contact] = week.splice(Math.floor(random() * week.length), 1);
        const createdAt = new Date(Math.min(contact.endedAt + (1 + random() * 47) * HOUR, end - 60_000));
        const scorecard = versionAt(isSpoken(contact) ? 'VOICE-STD' : 'CHAT-STD', createdAt.getTime());
        const evaluator = evaluatorOf(i);
        const ageDays = (end - createdAt.getTime()) / DAY;
        const roll = random();
        const status: DemoEvaluation['status'] =
          ageDays < 2 && roll < 0.3
            ? 'DRAFT'
            : ageDays < 7
              ? roll < 0.05
                ? 'DISPUTED'
                : 'SUBMITTED'
              : roll < 0.03
                ? 'RESOLVED'
                : roll < 0.9
                  ? 'ACKNOWLEDGED'
                  : 'SUBMITTED';
        evaluations.push({
          scorecardCode: scorecard.code,
          scorecardVersion: scorecard.version,
          agentEmployeeNo: agent.employeeNo,
          evaluatorEmployeeNo: evaluator,
          contactSource: contact.source,
          contactExternalId: contact.externalId,
          createdAt,
          submittedAt:
            status === 'DRAFT' ? null : new Date(Math.min(createdAt.getTime() + 3 * 3_600_000, end - 60_000)),
          status,
          answers: answer(
            scorecard,
            skills.get(agent.employeeNo) as number,
            // Half the bias: in everyday scores the agents differ more than the evaluators do.
            (bias.get(evaluator) as number) / 2,
            random,
          ),
          disputeReason:
            status === 'DISPUTED' || status === 'RESOLVED'
              ? pick(random, [
                  'The customer had already been verified by the IVR',
                  'The disclosure was read before the transfer',
                ])
              : null,
          resolutionReason: status === 'RESOLVED' ? 'Upheld after listening to the full recording' : null,
        });
      }
    });
  }
  const calibrations: DemoCalibration[] = [];
  for (let s = 0; s < 6; s += 1) {
    const createdAt = new Date(end - (3 + s * 4) * DAY);
    const heardBefore = (a: { employeeNo: string }) =>
      (handled.get(a.employeeNo) ?? []).filter((c) => isSpoken(c) && c.endedAt < createdAt.getTime() - HOUR);
    const agent = pick(
      random,
      agents.filter((a) => heardBefore(a).length > 0),
    );
    const contact = pick(random, heardBefore(agent));
    const scorecard = versionAt('VOICE-STD', createdAt.getTime());
    const skill = skills.get(agent.employeeNo) as number;
    calibrations.push({
      scorecardCode: scorecard.code,
      scorecardVersion: scorecard.version,
      agentEmployeeNo: agent.employeeNo,
      contactSource: contact.source,
      contactExternalId: contact.externalId,
      calibratorEmployeeNo: evaluators[0].employeeNo,
      createdAt,
      scores: ((heard) =>
        evaluators.map((e, i) => ({
          evaluatorEmployeeNo: e.employeeNo,
          answers: i === 0 ? heard : judge(scorecard, heard, bias.get(e.employeeNo) as number, random),
        })))(answer(scorecard, skill, 0, random)),
    });
  }
  const assignments = evaluators.map((e, j) => ({
    evaluatorEmployeeNo: e.employeeNo,
    agentEmployeeNos: agents.filter((_, i) => i % evaluators.length === j).map((a) => a.employeeNo),
  }));
  return { scorecards, evaluations, calibrations, assignments };
}
