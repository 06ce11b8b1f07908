import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_STORY_CUSTOMER } from '@switchboard/demo';
import type { ComplaintOutcome } from '@switchboard/metrics';
import { ComplaintService, type RegisterComplaint } from './complaint.service';

const ACTOR = 'demo-seed';
const DAY_MS = 86_400_000;
const REASONS = ['C01', 'C03', 'C02', 'C08', 'C05'];
const OUTCOMES: (ComplaintOutcome | null)[] = ['UPHELD', 'NOT_UPHELD', null, 'PARTIALLY_UPHELD', 'WITHDRAWN'];

/**
 * The demo's complaints: the story customer's third call (the card that never arrived, two promised
 * call-backs not made) is the complaint, against the agent of the first call and handled by the
 * third; the other COMPLAINT cases get one each with codes and outcomes varied (some decided, one
 * late, some open); the first inquiry with several calls is escalated into one.
 */
export async function seedDemoComplaints(em: EntityManager, today: Date): Promise<void> {
  const cases = await em.execute<
    {
      id: string;
      version: number;
      type: string;
      customer_key: string;
      agents: (string | null)[];
      arrivals: Date[];
    }[]
  >(
    `select c.id, c.version, c.type::text as type, c.customer_key,
       array_agg(cc.agent_no order by cc.arrived_at) as agents, array_agg(cc.arrived_at order by cc.arrived_at) as arrivals
     from care_case c join case_contact cc on cc.case_id = c.id
     group by c.id order by c.opened_at, c.id`,
  );
  const service = new ComplaintService(em);
  const inquiry = cases.find((c) => c.type === 'INQUIRY' && c.arrivals.length >= 2);
  const chosen = cases.filter((c) => c.type === 'COMPLAINT' || c === inquiry);
  for (const [i, c] of chosen.entries()) {
    const story = c.customer_key === DEMO_STORY_CUSTOMER;
    const agents = c.agents.filter((a): a is string => a !== null);
    const subject = agents[0] ?? null;
    const handler = agents.find((a) => a !== subject);
    if (!handler) continue;
    const receivedAt = new Date(c.arrivals[story ? Math.min(2, c.arrivals.length - 1) : 0]);
    const input: RegisterComplaint = {
      caseId: c.id,
      expectedVersion: c.version,
      receivedAt,
      channelCode: 'A0302',
      businessCode: 'B03',
      reasonCode: story ? 'C01' : REASONS[i % REASONS.length],
      productCode: story ? 'CREDIT_CARD' : null,
      severity: story ? 'MAJOR' : 'NORMAL',
      source: c === inquiry ? 'ESCALATED_FROM_CASE' : 'DIRECT',
      subjectAgentNo: subject,
      handlerAgentNo: handler,
      verbatim: story ? 'My card never arrived and nobody called me back as promised, twice.' : null,
    };
    await service.register(input, ACTOR, today);
    const outcome = story ? null : OUTCOMES[i % OUTCOMES.length];
    // decided 3 days after receipt (the fourth one late: 17 days), when that is already past
    const decidedAt = new Date(receivedAt.getTime() + (i % 5 === 3 ? 17 : 3) * DAY_MS);
    if (outcome && decidedAt < today)
      await service.decide(
        {
          caseId: c.id,
          expectedVersion: c.version + 1,
          outcome,
          decidedAt,
          customerInformedAt: decidedAt,
          remedy: outcome === 'UPHELD' ? 'Fee refunded' : null,
          remedyAmount: outcome === 'UPHELD' ? '120.00' : null,
          remedyCurrency: null,
          rootCause: outcome === 'UPHELD' ? 'Call-back not scheduled' : null,
          correctiveAction: outcome === 'UPHELD' ? 'Call-backs booked in the system, not on paper' : null,
          correctiveActionDue: null,
        },
        ACTOR,
        today,
      );
  }
}
