import { Migration } from '@mikro-orm/migrations';

/**
 * Performance.complaints of a team's or an agent's record reads the complaints about its agents
 * (received, decided in the period) and those they handled (closed in the period): one index each,
 * so a drill-down level of many agents stays index scans.
 */
export class Migration20261207093317_complaint_agent_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "complaint_subject_received_idx" on "complaint" ("subject_agent_no", "received_at");`,
    );
    this.addSql(`create index "complaint_subject_closed_idx" on "complaint" ("subject_agent_no", "closed_at");`);
    this.addSql(`create index "complaint_handler_closed_idx" on "complaint" ("handler_agent_no", "closed_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "complaint_handler_closed_idx";`);
    this.addSql(`drop index "complaint_subject_closed_idx";`);
    this.addSql(`drop index "complaint_subject_received_idx";`);
  }
}
