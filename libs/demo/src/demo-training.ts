import { attemptPassed, certificationExpiry } from '@switchboard/metrics';
import { demoRoster, type DemoAgent, type DemoRoster } from './demo-roster';
import { DEMO_COURSES, type DemoCourse } from './demo-training-catalog';
import { seededRandom } from './random';

export interface DemoAssignment {
  courseCode: string;
  employeeNo: string;
  assignedOn: string;
  dueDate: string;
  startedOn: string | null;
  completedOn: string | null;
}

export interface DemoAttempt {
  examCode: string;
  employeeNo: string;
  /** n-th sitting of the exam by the agent, ever. */
  sequence: number;
  /** n-th sitting since the agent last passed it. */
  attemptNo: number;
  score: number;
  takenOn: string;
  passed: boolean;
}

export interface DemoCertification {
  courseCode: string;
  employeeNo: string;
  issuedOn: string;
  expiresOn: string | null;
}

export interface DemoTraining {
  courses: DemoCourse[];
  assignments: DemoAssignment[];
  attempts: DemoAttempt[];
  certifications: DemoCertification[];
}

const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const TRAINING_SEED = 4_2026;

function needs(agent: DemoAgent, course: DemoCourse): boolean {
  return (
    course.mandatoryForRoles.includes(agent.role) ||
    agent.skills.some((s) => course.mandatoryForSkills.includes(s.code))
  );
}

/**
 * A year of training for the demo roster, deterministic for a given day: onboarding for the year's
 * new hires, yearly compliance and product campaigns for those who need them, optional soft-skill
 * and sales courses for some teams, certificates held from before the year (some about to expire),
 * exam sittings with scores around each agent's ability, a few procrastinators left overdue.
 */
export function demoTraining(
  roster: DemoRoster = demoRoster(),
  today = new Date().toISOString().slice(0, 10),
): DemoTraining {
  const random = seededRandom(TRAINING_SEED);
  const yearStart = addDays(today, -365);
  const result: DemoTraining = { courses: DEMO_COURSES, assignments: [], attempts: [], certifications: [] };
  const optionalTeams = new Set(roster.teams.filter(() => random() < 0.5).map((t) => t.code));
  for (const agent of roster.agents) {
    const ability = 72 + random() * 22;
    const procrastinator = random() < 0.08;
    const lastDay = agent.terminationDate ?? today;
    const team = agent.teams[agent.teams.length - 1].teamCode;
    const sequences = new Map<string, number>();
    for (const course of DEMO_COURSES) {
      const onboarding = course.category === 'ONBOARDING' || course.code === 'ONB-SYS';
      const mandatory = needs(agent, course);
      const optional = !mandatory && !onboarding && course.campaignDay !== null && optionalTeams.has(team);
      if (onboarding && agent.hireDate < yearStart) continue;
      if (!onboarding && !mandatory && !optional) continue;
      // Veterans hold 2-year certificates from before the year: some lapsed lately, some expire soon.
      if (
        mandatory &&
        course.validityMonths &&
        agent.hireDate < addDays(yearStart, -30) &&
        course.validityMonths > 12
      ) {
        const issuedOn = addDays(yearStart, -30 - Math.floor(random() * 360));
        if (issuedOn > agent.hireDate)
          result.certifications.push({
            courseCode: course.code,
            employeeNo: agent.employeeNo,
            issuedOn,
            expiresOn: certificationExpiry(issuedOn, course.validityMonths),
          });
        continue;
      }
      const campaign = course.campaignDay === null ? null : addDays(yearStart, course.campaignDay);
      const assignedOn = onboarding
        ? agent.hireDate
        : [campaign as string, addDays(agent.hireDate, 7)].sort()[1];
      if (assignedOn > lastDay) continue;
      const dueDate = addDays(assignedOn, course.dueInDays);
      const assignment: DemoAssignment = {
        courseCode: course.code,
        employeeNo: agent.employeeNo,
        assignedOn,
        dueDate,
        startedOn: null,
        completedOn: null,
      };
      result.assignments.push(assignment);
      if (procrastinator && random() < 0.7) continue;
      let day = addDays(assignedOn, 2 + Math.floor(random() * (course.dueInDays + 5)));
      if (!course.exam) {
        if (day <= lastDay && random() < 0.9) {
          assignment.startedOn = addDays(assignedOn, 1);
          assignment.completedOn = day;
          result.certifications.push({
            courseCode: course.code,
            employeeNo: agent.employeeNo,
            issuedOn: day,
            expiresOn: certificationExpiry(day, course.validityMonths),
          });
        }
        continue;
      }
      for (let attemptNo = 1; attemptNo <= course.exam.maxAttempts && day <= lastDay; attemptNo += 1) {
        const score = Math.max(
          0,
          Math.min(100, Math.round(ability + (random() - 0.5) * 30 + (attemptNo - 1) * 5)),
        );
        const passed = attemptPassed(score, course.exam.passMark);
        const sequence = (sequences.get(course.exam.code) ?? 0) + 1;
        sequences.set(course.exam.code, sequence);
        result.attempts.push({
          examCode: course.exam.code,
          employeeNo: agent.employeeNo,
          sequence,
          attemptNo,
          score,
          takenOn: day,
          passed,
        });
        assignment.startedOn ??= day;
        if (passed) {
          assignment.completedOn = day;
          result.certifications.push({
            courseCode: course.code,
            employeeNo: agent.employeeNo,
            issuedOn: day,
            expiresOn: certificationExpiry(day, course.validityMonths),
          });
          break;
        }
        day = addDays(day, 3 + Math.floor(random() * 5));
      }
    }
  }
  return result;
}
