import { Migration } from '@mikro-orm/migrations';


// the standard's three axes and their categories (docs/METRICS.md, Complaints); the numbering
// (axis letter + two digits, 99 = other) is Switchboard's until checked against the standard's text
const LABEL = 'JR/T 0169-2018 categories, Switchboard numbering (v1)';
/** [axis, code, parent, name_zh, name_en] */
const STANDARD: Array<[string, string, string | null, string, string]> = [
  ['CHANNEL', 'A01', null, '营业网点', 'Branch (front office)'],
  ['CHANNEL', 'A02', null, '自助设备', 'Self-service machine'],
  ['CHANNEL', 'A03', null, '电子渠道', 'Electronic channels'],
  ['CHANNEL', 'A0301', 'A03', '网上银行', 'Online banking'],
  ['CHANNEL', 'A0302', 'A03', '电话银行', 'Phone banking (call center)'],
  ['CHANNEL', 'A0303', 'A03', '手机银行', 'Mobile banking app'],
  ['CHANNEL', 'A0304', 'A03', '微信等公众平台', 'Public platforms (WeChat)'],
  ['CHANNEL', 'A0305', 'A03', '短信', 'SMS'],
  ['CHANNEL', 'A0399', 'A03', '其他电子渠道', 'Other electronic channel'],
  ['CHANNEL', 'A04', null, '第三方渠道', 'Third party'],
  ['CHANNEL', 'A05', null, '中后台', 'Middle and back office'],
  ['CHANNEL', 'A99', null, '其他渠道', 'Other channel'],
  ['BUSINESS', 'B01', null, '存款', 'Deposits'],
  ['BUSINESS', 'B02', null, '贷款', 'Loans'],
  ['BUSINESS', 'B03', null, '银行卡', 'Bank cards'],
  ['BUSINESS', 'B04', null, '支付结算', 'Payment and settlement'],
  ['BUSINESS', 'B05', null, '人民币管理', 'RMB management'],
  ['BUSINESS', 'B06', null, '个人金融信息', 'Personal financial information'],
  ['BUSINESS', 'B99', null, '其他业务', 'Other business'],
  ['REASON', 'C01', null, '服务态度及服务质量', 'Service attitude and quality'],
  ['REASON', 'C02', null, '服务设施、设备、业务系统', 'Facilities, equipment and systems'],
  ['REASON', 'C03', null, '业务规则或流程', 'Rules and processes'],
  ['REASON', 'C04', null, '营销方式和手段', 'Marketing practice'],
  ['REASON', 'C05', null, '信息披露', 'Information disclosure'],
  ['REASON', 'C06', null, '产品收益', 'Product yield'],
  ['REASON', 'C07', null, '自主选择权', 'Right to choose'],
  ['REASON', 'C08', null, '合同条款', 'Contract terms'],
  ['REASON', 'C09', null, '资金安全', 'Fund security'],
  ['REASON', 'C10', null, '信息安全', 'Information security'],
  ['REASON', 'C99', null, '其他原因', 'Other reason'],
];

const quote = (v: string | null) => (v === null ? 'null' : `'${v.replace(/'/g, "''")}'`);

/**
 * Complaints: the complaint record of a COMPLAINT case, the versioned code lists of JR/T 0169-2018's
 * three axes (version 1 seeded), and the case-log event kind COMPLAINT.
 */
export class Migration20261207064101_complaints extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "case_event_kind" add value if not exists 'COMPLAINT' after 'MERGE';`);
    this.addSql(
      `create table "complaint_code" ("version" int not null, "axis" text not null, "code" text not null, "parent_code" text null, "name_zh" text not null, "name_en" text not null, "origin" text not null, "version_label" text not null, "current" boolean not null, constraint "complaint_code_pkey" primary key ("version", "axis", "code"), constraint complaint_code_axis check (axis in ('CHANNEL', 'BUSINESS', 'REASON')));`,
    );
    this.addSql(
      `create table "complaint" ("case_id" uuid not null references "care_case" ("id"), "center_id" uuid not null, "team_id" uuid null, "customer_key" text not null, "received_at" timestamptz not null, "taxonomy_version" int not null, "channel_code" text not null, "business_code" text not null, "reason_code" text not null, "product_code" text null, "severity" text not null, "source" text not null, "escalated_from_type" text null, "subject_agent_no" text null, "handler_agent_no" text not null, "verbatim_enc" bytea null, "time_zone" text not null, "deadline_basis" text not null, "deadline_at" timestamptz not null, "deadline_date" text not null, "extension_approved_by" text null, "extension_reason" text null, "extended_at" timestamptz null, "closed_at" timestamptz null, "outcome" text null, "customer_informed_at" timestamptz null, "remedy" text null, "remedy_amount" numeric(18,2) null, "remedy_currency" text not null default 'CNY', "root_cause" text null, "corrective_action" text null, "corrective_action_due" text null, "corrective_action_done_at" timestamptz null, "follow_up_satisfaction" text null, "created_at" timestamptz not null, constraint "complaint_pkey" primary key ("case_id"),
        constraint complaint_handler_not_subject check (subject_agent_no is null or handler_agent_no <> subject_agent_no),
        constraint complaint_severity check (severity in ('NORMAL', 'MAJOR', 'REGULATORY')),
        constraint complaint_source check (source in ('DIRECT', 'ESCALATED_FROM_CASE', 'REGULATOR_REFERRAL', 'SOCIAL_MEDIA')),
        constraint complaint_basis check (deadline_basis in ('DAYS_15', 'EXTENDED_30', 'EXTENDED_60')),
        constraint complaint_outcome check (outcome is null or outcome in ('UPHELD', 'PARTIALLY_UPHELD', 'NOT_UPHELD', 'WITHDRAWN')),
        constraint complaint_closed check ((closed_at is null) = (outcome is null)),
        constraint complaint_remedy_amount check (remedy_amount is null or remedy_amount >= 0));`,
    );
    this.addSql(`create index "complaint_center_received_idx" on "complaint" ("center_id", "received_at");`);
    this.addSql(`create index "complaint_center_closed_idx" on "complaint" ("center_id", "closed_at");`);
    this.addSql(
      `create index "complaint_open_deadline_idx" on "complaint" ("center_id", "deadline_at") where closed_at is null;`,
    );
    // complaintStats over every center: each branch of its period test on an index (a bitmap OR)
    this.addSql(`create index "complaint_received_idx" on "complaint" ("received_at");`);
    this.addSql(`create index "complaint_closed_idx" on "complaint" ("closed_at");`);
    this.addSql(`create index "complaint_open_by_deadline_idx" on "complaint" ("deadline_at") where closed_at is null;`);
    this.addSql(
      `insert into "complaint_code" ("version", "axis", "code", "parent_code", "name_zh", "name_en", "origin", "version_label", "current") values ${STANDARD.map(
        ([axis, code, parent, zh, en]) =>
          `(1, ${quote(axis)}, ${quote(code)}, ${quote(parent)}, ${quote(zh)}, ${quote(en)}, 'JR/T 0169-2018', ${quote(LABEL)}, true)`,
      ).join(', ')};`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "complaint" cascade;`);
    this.addSql(`drop table if exists "complaint_code" cascade;`);
  }
}
