import { Migration } from '@mikro-orm/migrations';

/**
 * The catalog's Chinese names (issue 25: catalog data in Chinese where the API has it). A KPI added
 * later names itself in both languages in its own migration; `name_zh` stays null only for a KPI a
 * bank adds without one, and the dashboard then shows the English name.
 */
export class Migration20261207235000_kpi_chinese_names extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "kpi_definition" add column "name_zh" text null;`);
    this.addSql(
      `alter table "kpi_definition" add constraint "kpi_definition_name_zh_not_blank" check ("name_zh" is null or btrim("name_zh") <> '');`,
    );
    this.addSql(`update "kpi_definition" as d set "name_zh" = v.name_zh from (values
        ('SERVICE_LEVEL', '服务水平'),
        ('ASA', '平均应答时间'),
        ('AHT', '平均处理时长'),
        ('ABANDON_RATE', '放弃率'),
        ('FCR', '首次解决率'),
        ('TRANSFER_RATE', '转接率'),
        ('OCCUPANCY', '占用率'),
        ('QA_SCORE', '质检得分'),
        ('CRITICAL_FAIL_RATE', '致命错误率'),
        ('TRAINING_COMPLETION', '培训完成率'),
        ('FIRST_ATTEMPT_PASS_RATE', '首次通过率'),
        ('CERTIFICATION_COVERAGE', '认证覆盖率'),
        ('PROMISE_KEPT_RATE', '承诺兑现率'),
        ('OVERDUE_COMMITMENTS', '逾期承诺数'),
        ('ESCALATION_RATE', '升级率'),
        ('CASE_REPEAT_RATE', '工单重复来电率'),
        ('HANDOFF_RATE', '工单流转率'),
        ('ADHERENCE', '排班遵从率'),
        ('CONFORMANCE', '排班符合率'),
        ('CONVERSION_RATE', '营销成功率'),
        ('OFFER_RATE', '营销触达率'),
        ('RETENTION_SAVE_RATE', '挽留成功率'),
        ('DISPOSITION_COMPLIANCE', '小结合规率'),
        ('CSAT', '客户满意度'),
        ('NPS', '净推荐值'),
        ('CES', '客户费力度'),
        ('SURVEY_RESPONSE_RATE', '问卷回复率'),
        ('COMPLAINTS_PER_10K', '万次服务投诉量'),
        ('COMPLAINT_TIMELY_RATE', '投诉按时办结率'),
        ('UPHELD_RATE', '投诉成立率'),
        ('ESCALATED_TO_COMPLAINT_RATE', '工单升级投诉率'),
        ('SALES_PER_HOUR', '小时产能'),
        ('REVENUE_PER_CONTACT', '单通收益'),
        ('COST_PER_CONTACT', '单通成本'),
        ('CENTER_CONTRIBUTION', '中心贡献')
      ) as v(code, name_zh) where d."code" = v.code;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "kpi_definition" drop column "name_zh";`);
  }
}
