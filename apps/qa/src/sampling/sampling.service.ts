import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { visibleAgentSql } from '../access/qa-access';
import { isUuid } from '../common/validation';
import { gatewayReferences, type QaReferences } from '../references/qa-references';
import { checkPeople, checkQueueCodes } from '../references/reference-checks';
import { periodContaining, type PeriodWindow } from './sampling-period';
import { SampledContact, SamplingAssignment, SamplingPlan } from './sampling-plan.entity';
import { samplingErrors } from './sampling.errors';
import type { CreateSamplingPlanInput } from './sampling.input';
import { fetchContactSample, type ContactSampleRequest, type DrawnContact } from './traffic-contacts';

export interface SampledContactView {
  contactSource: string;
  contactExternalId: string;
  agentEmployeeNo: string;
  evaluatorEmployeeNo: string;
  draw: number;
  arrivedAt: Date;
  evaluationId: string | null;
}

export interface AgentDue {
  agentEmployeeNo: string;
  required: number;
  done: number;
  owed: number;
}

export interface EvaluatorWorkload {
  evaluatorEmployeeNo: string;
  periodStart: string;
  required: number;
  done: number;
  owed: number;
  agents: AgentDue[];
  pending: SampledContactView[];
}

interface DueRow {
  evaluator_employee_no: string;
  agent_employee_no: string;
  done: number;
}

interface SampledRow {
  contact_source: string;
  contact_external_id: string;
  agent_employee_no: string;
  evaluator_employee_no: string;
  draw: number;
  arrived_at: Date;
  evaluation_id: string | null;
}

export type ContactSampler = (request: ContactSampleRequest) => Promise<DrawnContact[]>;

export class SamplingService {
  constructor(
    private readonly em: EntityManager,
    private readonly sampler: ContactSampler = fetchContactSample,
    private readonly references: QaReferences = gatewayReferences,
  ) {}

  list(): Promise<SamplingPlan[]> {
    return this.em.find(SamplingPlan, {}, { orderBy: { code: 'asc' } });
  }

  async get(id: string, field = 'id'): Promise<SamplingPlan> {
    const plan = await this.find(id);
    if (!plan) throw samplingErrors.notFound(id, field);
    return plan;
  }

  find(id: string): Promise<SamplingPlan | null> {
    return isUuid(id) ? this.em.findOne(SamplingPlan, { id }) : Promise.resolve(null);
  }

  /** The plans' assignments; `visibleAgents` (null: all) keeps those of these agents. */
  assignmentsOf(
    planIds: readonly string[],
    visibleAgents: readonly string[] | null = null,
  ): Promise<SamplingAssignment[]> {
    return this.em.find(
      SamplingAssignment,
      {
        plan: { $in: [...planIds] },
        ...(visibleAgents ? { agentEmployeeNo: { $in: [...visibleAgents] } } : {}),
      },
      { orderBy: { evaluatorEmployeeNo: 'asc', agentEmployeeNo: 'asc' } },
    );
  }

  /** Checked before anything is written: each agent once, nobody samples themself, every name real. */
  async create(input: CreateSamplingPlanInput): Promise<SamplingPlan> {
    const seen = new Set<string>();
    for (const a of input.assignments)
      for (const agent of a.agentEmployeeNos) {
        if (seen.has(agent)) throw samplingErrors.agentTwice(agent);
        if (agent === a.evaluatorEmployeeNo) throw samplingErrors.evaluatesThemself(agent);
        seen.add(agent);
      }
    if (await this.em.findOne(SamplingPlan, { code: input.code })) throw samplingErrors.codeTaken(input.code);
    // the people are staff's (evaluators in an evaluating role), the queues traffic's
    await checkPeople(
      this.references,
      input.assignments.flatMap((a, i) => [
        {
          field: `input.assignments.${i}.evaluatorEmployeeNo`,
          employeeNo: a.evaluatorEmployeeNo,
          evaluator: true,
        },
        ...a.agentEmployeeNos.map((employeeNo, j) => ({
          field: `input.assignments.${i}.agentEmployeeNos.${j}`,
          employeeNo,
        })),
      ]),
    );
    await checkQueueCodes(this.references, input.queueCodes ?? [], 'input.queueCodes');
    return this.em.transactional(async (tx) => {
      const plan = tx.create(SamplingPlan, {
        code: input.code,
        name: input.name.trim(),
        period: input.period,
        evaluationsPerAgent: input.evaluationsPerAgent,
        seed: input.seed ?? randomBytes(8).toString('hex'),
        queueCodes: input.queueCodes ?? [],
        channels: input.channels ?? [],
      });
      for (const a of input.assignments)
        for (const agent of a.agentEmployeeNos)
          tx.create(SamplingAssignment, {
            plan,
            agentEmployeeNo: agent,
            evaluatorEmployeeNo: a.evaluatorEmployeeNo,
          });
      return plan;
    });
  }

  /**
   * Draws the period's contacts from traffic (seed = plan seed + period) and keeps them. Calling it
   * again tops up agents with fewer than N drawn (contacts that arrived since), in draw order; the
   * contacts already drawn stay. A closed period always yields the same contacts.
   */
  async draw(
    planId: string,
    at: Date,
    /** Draw and show only these agents of the plan (a writer limited to some centers or teams); null: all. */
    onlyAgents: readonly string[] | null = null,
  ): Promise<{ period: PeriodWindow; added: number; contacts: SampledContactView[] }> {
    const plan = await this.get(planId, 'planId');
    const period = periodContaining(plan.period, at);
    const only = onlyAgents ? new Set(onlyAgents) : null;
    const assignments = (await this.assignmentsOf([plan.id])).filter(
      (a) => !only || only.has(a.agentEmployeeNo),
    );
    const evaluatorOf = new Map(assignments.map((a) => [a.agentEmployeeNo, a.evaluatorEmployeeNo]));
    const drawn = await this.sampler({
      from: period.from,
      to: period.to,
      perAgent: plan.evaluationsPerAgent,
      seed: `${plan.seed}:${period.start}`,
      employeeNos: [...evaluatorOf.keys()],
      queueCodes: plan.queueCodes,
      channels: plan.channels,
    });
    const added = await this.em.transactional(async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`sample:${plan.id}:${period.start}`]);
      const stored = await tx.find(SampledContact, { plan: plan.id, periodStart: period.start });
      const have = new Set(stored.map((s) => `${s.contactSource}\u001f${s.contactExternalId}`));
      const count = new Map<string, number>();
      for (const s of stored) count.set(s.agentEmployeeNo, (count.get(s.agentEmployeeNo) ?? 0) + 1);
      let n = 0;
      for (const contact of drawn) {
        const agent = contact.agent?.employeeNo;
        const evaluator = agent ? evaluatorOf.get(agent) : undefined;
        if (!agent || !evaluator || have.has(`${contact.source}\u001f${contact.externalId}`)) continue;
        const already = count.get(agent) ?? 0;
        if (already >= plan.evaluationsPerAgent) continue;
        count.set(agent, already + 1);
        n += 1;
        tx.create(SampledContact, {
          plan,
          periodStart: period.start,
          contactSource: contact.source,
          contactExternalId: contact.externalId,
          agentEmployeeNo: agent,
          evaluatorEmployeeNo: evaluator,
          draw: already + 1,
          arrivedAt: new Date(contact.arrivedAt),
        });
      }
      return n;
    });
    return {
      period,
      added,
      contacts: await this.sampled(plan.id, period.start, null, only ? JSON.stringify([...only]) : null),
    };
  }

  /**
   * What each evaluator (or one) still owes in the period containing `at`. Done: their submitted
   * evaluations of the agent, either submitted in the period or of a contact drawn for it. Only the
   * agents of `visibleAgentsJson` (a JSON array; null: all) count.
   */
  async workload(
    planId: string,
    at: Date,
    evaluatorEmployeeNo: string | null,
    visibleAgentsJson: string | null = null,
  ): Promise<EvaluatorWorkload[]> {
    const plan = await this.get(planId, 'planId');
    const period = periodContaining(plan.period, at);
    const due = await this.em.execute<DueRow[]>(
      `select a.evaluator_employee_no, a.agent_employee_no,
              (select count(*) from evaluation e
                where e.evaluator_employee_no = a.evaluator_employee_no and e.agent_employee_no = a.agent_employee_no
                  and e.status <> 'DRAFT' and e.calibration_session_id is null
                  and ((e.submitted_at >= ? and e.submitted_at < ?)
                    or exists (select 1 from sampled_contact s
                      where s.plan_id = a.plan_id and s.period_start = ?
                        and s.contact_source = e.contact_source and s.contact_external_id = e.contact_external_id))
              )::int as done
         from sampling_assignment a
        where a.plan_id = ? and (?::text is null or a.evaluator_employee_no = ?)
          and ${visibleAgentSql('a.agent_employee_no')}
        order by a.evaluator_employee_no, a.agent_employee_no`,
      [
        period.from,
        period.to,
        period.start,
        plan.id,
        evaluatorEmployeeNo,
        evaluatorEmployeeNo,
        visibleAgentsJson,
        visibleAgentsJson,
      ],
    );
    const pending = (
      await this.sampled(plan.id, period.start, evaluatorEmployeeNo, visibleAgentsJson)
    ).filter((s) => !s.evaluationId);
    const byEvaluator = new Map<string, EvaluatorWorkload>();
    for (const row of due) {
      let w = byEvaluator.get(row.evaluator_employee_no);
      if (!w) {
        w = {
          evaluatorEmployeeNo: row.evaluator_employee_no,
          periodStart: period.start,
          required: 0,
          done: 0,
          owed: 0,
          agents: [],
          pending: pending.filter((p) => p.evaluatorEmployeeNo === row.evaluator_employee_no),
        };
        byEvaluator.set(row.evaluator_employee_no, w);
      }
      const owed = Math.max(plan.evaluationsPerAgent - row.done, 0);
      w.agents.push({
        agentEmployeeNo: row.agent_employee_no,
        required: plan.evaluationsPerAgent,
        done: row.done,
        owed,
      });
      w.required += plan.evaluationsPerAgent;
      w.done += Math.min(row.done, plan.evaluationsPerAgent);
      w.owed += owed;
    }
    for (const w of byEvaluator.values()) w.agents.sort((a, b) => b.owed - a.owed);
    return [...byEvaluator.values()];
  }

  private async sampled(
    planId: string,
    periodStart: string,
    evaluator: string | null,
    visibleAgentsJson: string | null = null,
  ): Promise<SampledContactView[]> {
    const rows = await this.em.execute<SampledRow[]>(
      `select s.contact_source, s.contact_external_id, s.agent_employee_no, s.evaluator_employee_no, s.draw,
              s.arrived_at,
              (select e.id from evaluation e
                where e.contact_source = s.contact_source and e.contact_external_id = s.contact_external_id
                  and e.agent_employee_no = s.agent_employee_no and e.calibration_session_id is null
                order by e.created_at limit 1) as evaluation_id
         from sampled_contact s
        where s.plan_id = ? and s.period_start = ? and (?::text is null or s.evaluator_employee_no = ?)
          and ${visibleAgentSql('s.agent_employee_no')}
        order by s.agent_employee_no, s.draw`,
      [planId, periodStart, evaluator, evaluator, visibleAgentsJson, visibleAgentsJson],
    );
    return rows.map((r) => ({
      contactSource: r.contact_source,
      contactExternalId: r.contact_external_id,
      agentEmployeeNo: r.agent_employee_no,
      evaluatorEmployeeNo: r.evaluator_employee_no,
      draw: r.draw,
      arrivedAt: new Date(r.arrived_at),
      evaluationId: r.evaluation_id,
    }));
  }
}
