import type { EntityManager } from '@mikro-orm/postgresql';
import { demoCenterId } from '@switchboard/demo';
import type { OutcomeClass } from '@switchboard/metrics';
import type { Channel } from '../contact/contact-record';
import type { ProductFamily } from './product.entity';

type CodeSeed = [
  code: string,
  parent: string | null,
  outcomeClass: OutcomeClass,
  zh: string,
  en: string,
  amount?: true,
];

/** The demo's code list: the demo queues' wrap-up codes, grouped under service, sales and retention. */
const CODES: CodeSeed[] = [
  ['SERVICE', null, 'INFO_ONLY', '服务', 'Service'],
  ['ACCOUNT_INQUIRY', 'SERVICE', 'INFO_ONLY', '账户查询', 'Account inquiry'],
  ['CARD_SERVICE', 'SERVICE', 'RESOLVED', '卡片服务', 'Card service'],
  ['APP_SUPPORT', 'SERVICE', 'RESOLVED', '手机银行支持', 'App support'],
  ['TRANSFER_STATUS', 'SERVICE', 'INFO_ONLY', '转账状态', 'Transfer status'],
  ['GENERAL_INQUIRY', 'SERVICE', 'INFO_ONLY', '一般咨询', 'General inquiry'],
  ['CARD_ACTIVATION', 'SERVICE', 'RESOLVED', '开卡激活', 'Card activation'],
  ['LOST_OR_STOLEN', 'SERVICE', 'RESOLVED', '挂失', 'Lost or stolen'],
  ['LIMIT_CHANGE', 'SERVICE', 'RESOLVED', '额度调整', 'Limit change'],
  ['BILL_INQUIRY', 'SERVICE', 'INFO_ONLY', '账单查询', 'Bill inquiry'],
  ['REPAYMENT', 'SERVICE', 'PAYMENT_TAKEN', '还款', 'Repayment'],
  ['MORTGAGE_INQUIRY', 'SERVICE', 'INFO_ONLY', '房贷咨询', 'Mortgage inquiry'],
  ['EARLY_SETTLEMENT', 'SERVICE', 'RESOLVED', '提前结清', 'Early settlement'],
  ['APPLICATION_STATUS', 'SERVICE', 'INFO_ONLY', '申请进度', 'Application status'],
  ['BALANCE_INQUIRY', 'SERVICE', 'INFO_ONLY', '余额查询', 'Balance inquiry'],
  ['ACCOUNT_FREEZE', 'SERVICE', 'RESOLVED', '账户冻结', 'Account freeze'],
  ['PRODUCT_INQUIRY', 'SERVICE', 'INFO_ONLY', '产品咨询', 'Product inquiry'],
  ['RISK_ASSESSMENT', 'SERVICE', 'RESOLVED', '风险测评', 'Risk assessment'],
  ['SUSPICIOUS_TRANSACTION', 'SERVICE', 'RESOLVED', '可疑交易', 'Suspicious transaction'],
  ['CARD_BLOCK', 'SERVICE', 'RESOLVED', '锁卡', 'Card block'],
  ['CHARGEBACK', 'SERVICE', 'UNRESOLVED', '拒付', 'Chargeback'],
  ['COMPLAINT', 'SERVICE', 'COMPLAINT_LOGGED', '投诉', 'Complaint'],
  ['FEE_QUESTION', 'SERVICE', 'INFO_ONLY', '费用咨询', 'Fee question'],
  ['RATE_QUESTION', 'SERVICE', 'INFO_ONLY', '费率咨询', 'Rate question'],
  ['CALL_BACK_LATER', 'SERVICE', 'CALLBACK_PROMISED', '稍后回电', 'Call back later'],
  ['SALES', null, 'OFFER_MADE_DECLINED', '营销', 'Sales'],
  ['INSTALMENT', 'SALES', 'INSTALLMENT', '分期', 'Instalment'],
  ['OFFER_ACCEPTED', 'SALES', 'INSTALLMENT', '接受分期', 'Offer accepted'],
  ['OFFER_DECLINED', 'SALES', 'OFFER_MADE_DECLINED', '拒绝营销', 'Offer declined'],
  ['NOT_INTERESTED', 'SALES', 'OFFER_MADE_DECLINED', '无意向', 'Not interested'],
  ['ACTIVATED', 'SALES', 'SALE', '激活成功', 'Activated'],
  ['TIME_DEPOSIT', 'SALES', 'CROSS_SELL', '定期存款', 'Time deposit'],
  ['FUND_PURCHASE', 'SALES', 'CROSS_SELL', '基金申购', 'Fund purchase', true],
  ['REDEMPTION', 'SALES', 'RETENTION_LOST', '赎回', 'Redemption'],
  ['RETENTION', null, 'RETENTION_SAVE', '挽留', 'Retention'],
  ['RETENTION_SAVED', 'RETENTION', 'RETENTION_SAVE', '挽留成功', 'Saved'],
  ['RETENTION_LOST', 'RETENTION', 'RETENTION_LOST', '挽留失败', 'Lost'],
  ['CANCELLED', 'RETENTION', 'CANCELLATION_PROCESSED', '已销卡', 'Cancellation processed'],
];

const PRODUCTS: [code: string, family: ProductFamily, zh: string, en: string, margin: string][] = [
  ['CARD-INSTALMENT', 'INSTALLMENT', '账单分期', 'Bill instalment', '0.030000'],
  ['CARD-PLATINUM', 'CARD', '白金卡', 'Platinum card', '0.010000'],
  ['LOAN-CONSUMER', 'LOAN', '消费贷', 'Consumer loan', '0.025000'],
  ['DEPOSIT-1Y', 'DEPOSIT', '一年定期', 'One-year time deposit', '0.008000'],
  ['FUND-MIXED', 'WEALTH', '混合基金', 'Mixed fund', '0.012000'],
  ['INS-ACCIDENT', 'INSURANCE', '意外险', 'Accident insurance', '0.150000'],
];

/** Standard hourly costs (CNY) per center and channel: not salaries. */
const COST_RATES: [centerCode: string, channel: Channel, perHour: string][] = [
  ['SHA-01', 'VOICE', '85.00'],
  ['SHA-01', 'CHAT', '70.00'],
  ['SHA-01', 'WECHAT', '70.00'],
  ['CTU-T1', 'VOICE', '62.00'],
];

/** Queues whose agents must code every answered contact: their own wrap-up codes. */
const REQUIRED: [queue: string, codes: string[]][] = [
  ['SHA-CARDS', ['CARD_ACTIVATION', 'LOST_OR_STOLEN', 'LIMIT_CHANGE', 'BILL_INQUIRY', 'INSTALMENT']],
  ['CTU-INSTALMENT', ['OFFER_ACCEPTED', 'OFFER_DECLINED', 'CALL_BACK_LATER', 'RATE_QUESTION']],
];

/**
 * The demo's disposition codes (version 1 from 2020), products, cost rates and required codes;
 * idempotent (existing rows are kept). Before the contacts, so their wrap-up codes count.
 */
export async function seedOutcomeLists(em: EntityManager): Promise<void> {
  await em.execute(
    `insert into disposition_code (code, version, parent_code, outcome_class, name_zh, name_en, requires_amount, valid_from)
     select code, 1, parent, klass::outcome_class, zh, en, amount, date '2020-01-01'
     from jsonb_to_recordset(?::jsonb) as t(code text, parent text, klass text, zh text, en text, amount boolean)
     on conflict do nothing`,
    [
      JSON.stringify(
        CODES.map(([code, parent, klass, zh, en, amount]) => ({
          code,
          parent,
          klass,
          zh,
          en,
          amount: amount ?? false,
        })),
      ),
    ],
  );
  await em.execute(
    `insert into product (code, family, name_zh, name_en, margin_rate)
     select code, family::product_family, zh, en, margin from jsonb_to_recordset(?::jsonb)
       as t(code text, family text, zh text, en text, margin numeric)
     on conflict do nothing`,
    [JSON.stringify(PRODUCTS.map(([code, family, zh, en, margin]) => ({ code, family, zh, en, margin })))],
  );
  await em.execute(
    `insert into cost_rate (id, center_id, channel, per_hour, valid_from)
     select gen_random_uuid(), center_id, channel::channel, per_hour, date '2020-01-01'
     from jsonb_to_recordset(?::jsonb) as t(center_id uuid, channel text, per_hour numeric)
     on conflict do nothing`,
    [
      JSON.stringify(
        COST_RATES.map(([center, channel, perHour]) => ({
          center_id: demoCenterId(center),
          channel,
          per_hour: perHour,
        })),
      ),
    ],
  );
  await em.execute(
    `insert into queue_disposition (queue_id, code, required)
     select q.id, t.code, true from jsonb_to_recordset(?::jsonb) as t(queue text, code text)
     join queue q on q.code = t.queue
     on conflict do nothing`,
    [JSON.stringify(REQUIRED.flatMap(([queue, codes]) => codes.map((code) => ({ queue, code }))))],
  );
}
