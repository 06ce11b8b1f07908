import fc from 'fast-check';
import {
  badInputProperties,
  invalid,
  KnownReferences,
  type MutationCase,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { trafficSubgraph } from './traffic.subgraph';

let next = 0;
const contact = () => {
  next += 1;
  return {
    source: 'bad-input',
    externalId: `c-${next}`,
    channel: 'VOICE',
    direction: 'INBOUND',
    queue: 'BAD-Q',
    agent: 'E10001',
    customerKey: 'cust-1',
    arrivedAt: '2026-05-04T02:00:00Z',
    answeredAt: '2026-05-04T02:00:15Z',
    endedAt: '2026-05-04T02:05:15Z',
    holdSeconds: 10,
    acwSeconds: 20,
    outcome: 'ANSWERED',
    transferred: false,
    wrapupCode: 'CARD-LOST',
  };
};

/** Every traffic mutation, its valid form, and what must be refused in each field. */
describe('traffic: bad input is refused with a clear reason and writes nothing', () => {
  let traffic: TestSubgraph;
  let queueId: string;
  beforeAll(async () => {
    // staff holds no center here: any center id is one it does not know
    traffic = await startTestSubgraph(trafficSubgraph, {
      referenceSource: new KnownReferences().add('center', alertCenter).source,
    });
    await postGraphQL(
      traffic.url,
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
      {
        c: [contact()],
      },
    );
    const queues = await postGraphQL<{ queues: { id: string }[] }>(traffic.url, '{ queues { id } }');
    queueId = queues.data?.queues[0].id as string;
    await traffic.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into product (code, name_zh, name_en, family, margin_rate) values ('BADP-MARGIN', '保险', 'Insurance', 'INSURANCE', 0.1)`,
      );
  });
  afterAll(() => traffic.stop());

  const alertCenter = '7d9a4f8e-3c1b-4e2a-9f6d-2b8c1a0e5d47';
  const cases = (): MutationCase[] => [
    {
      name: 'ingestContacts',
      document:
        'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted rejected problems { field reason } } }',
      valid: () => ({ c: [contact()] }),
      fields: {
        'c.0.source': invalid.requiredText,
        'c.0.externalId': invalid.requiredText,
        'c.0.channel': invalid.enumValue,
        'c.0.direction': invalid.enumValue,
        // Queue codes come from the ACD as they are (Asterisk names queues in lower case): only blank, huge or control characters are wrong.
        'c.0.queue': invalid.requiredText,
        'c.0.agent': invalid.text,
        'c.0.customerKey': invalid.text,
        'c.0.arrivedAt': invalid.timestamp,
        'c.0.answeredAt': fc.oneof(invalid.timestamp, fc.constant('2026-05-04T01:00:00Z')),
        'c.0.endedAt': fc.oneof(invalid.timestamp, fc.constant('2026-05-04T01:59:00Z')),
        'c.0.holdSeconds': invalid.seconds,
        'c.0.acwSeconds': invalid.seconds,
        'c.0.outcome': invalid.enumValue,
        'c.0.wrapupCode': invalid.text,
      },
      // Problems name the canonical column (acw_seconds), as in a file's reasons: read them as the GraphQL field.
      reportedFields: (data) =>
        ((data.ingestContacts as { problems: { field: string }[] } | undefined)?.problems ?? []).map((p) =>
          p.field.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase()),
        ),
    },
    {
      name: 'updateQueue',
      document:
        'mutation($id: ID!, $input: UpdateQueueInput!) { updateQueue(id: $id, input: $input) { id } }',
      valid: () => ({
        id: queueId,
        input: { name: 'Cards hotline', serviceLevelThresholdSeconds: 20, serviceLevelTarget: 0.8 },
      }),
      fields: {
        id: invalid.reference,
        'input.name': invalid.requiredText,
        // malformed, or a center staff does not hold (issue 17: it silently detached the queue)
        'input.centerId': fc.oneof(
          fc.constantFrom('not-a-uuid', '', "1' or '1'='1"),
          fc.uuid({ version: 4 }),
        ),
        'input.serviceLevelThresholdSeconds': invalid.smallInt,
        'input.shortAbandonSeconds': invalid.smallInt,
        'input.serviceLevelTarget': fc.constantFrom(-0.1, 1.5, 'high', 1e308),
        'input.serviceLevelVariant': invalid.enumValue,
      },
    },
    {
      name: 'saveDispositionCode',
      document: 'mutation($input: DispositionCodeInput!) { saveDispositionCode(input: $input) { version } }',
      valid: () => ({
        input: {
          code: `BAD-${(next += 1)}`,
          nameZh: '咨询',
          nameEn: 'Inquiry',
          outcomeClass: 'INFO_ONLY',
          validFrom: '2026-01-01',
        },
      }),
      fields: {
        'input.code': fc.constantFrom('', 'has space', 'x'.repeat(65), "1' or '1'='1"),
        'input.parentCode': fc.constantFrom('NO-SUCH-CODE', '', 'has space'),
        'input.nameZh': invalid.requiredText,
        'input.nameEn': invalid.requiredText,
        'input.outcomeClass': invalid.enumValue,
        'input.validFrom': invalid.date,
      },
    },
    {
      name: 'setCostRate',
      document: 'mutation($input: CostRateInput!) { setCostRate(input: $input) { id } }',
      valid: () => ({
        input: { centerId: alertCenter, channel: 'VOICE', perHour: '85.00', validFrom: '2026-05-01' },
      }),
      fields: {
        // malformed, or a center staff does not hold
        'input.centerId': invalid.reference,
        'input.channel': invalid.enumValue,
        // negative, more than 2 decimals, not a decimal, too large
        'input.perHour': fc.constantFrom('-5.00', '1.005', 'ten', '', '1e3', '123456789.00', 7),
        'input.currency': fc.constantFrom('XXY', 'cny', 'CN', '', 'EURO'),
        'input.validFrom': invalid.date,
        'input.role': fc.constantFrom('', 'agent', 'CEO', "AGENT' or '1'='1"),
        'input.level': fc.constantFrom(0, 11, -1, 1.5, 'three'),
      },
    },
    {
      name: 'createProduct',
      document: 'mutation($input: ProductInput!) { createProduct(input: $input) { code } }',
      valid: () => ({
        input: {
          code: `BADP-${(next += 1)}`,
          nameZh: '分期',
          nameEn: 'Instalment',
          family: 'INSTALLMENT',
          marginRate: '0.03',
        },
      }),
      fields: {
        // malformed, or a product that exists already (CONFLICT)
        'input.code': fc.constantFrom('', 'has space', 'x'.repeat(65), "1' or '1'='1", 'BADP-MARGIN'),
        'input.nameZh': invalid.requiredText,
        'input.nameEn': invalid.requiredText,
        'input.family': fc.constantFrom('', 'card', 'CRYPTO', "CARD' or '1'='1"),
        // below 0, above 1, more than 4 decimals, not a decimal
        'input.marginRate': fc.constantFrom('-0.01', '1.01', '0.00001', 'half', '', '1e-2', 0.03),
      },
    },
    {
      name: 'setProductMargin',
      document: 'mutation($input: ProductMarginInput!) { setProductMargin(input: $input) { code } }',
      valid: () => ({
        input: { code: 'BADP-MARGIN', marginRate: '0.05', validFrom: `${2100 + ((next += 1) % 99)}-01-01` },
      }),
      fields: {
        // malformed, or no such product
        'input.code': fc.constantFrom('', 'has space', 'NO-SUCH-PRODUCT'),
        'input.marginRate': fc.constantFrom('-0.01', '1.01', '0.12345', 'half', ''),
        // not a date, or not after today (the days already counted keep their margin)
        'input.validFrom': fc.oneof(invalid.date, fc.constantFrom('2020-01-01', '1999-12-31')),
      },
    },
    {
      name: 'configureDataSource',
      document: 'mutation($input: DataSourceInput!) { configureDataSource(input: $input) { kind } }',
      valid: () => ({
        input: { kind: 'QA', cadenceMinutes: 60, warnAfterMinutes: 90, errorAfterMinutes: 180 },
      }),
      fields: {
        'input.kind': invalid.enumValue,
        // malformed, or a center staff does not hold
        'input.centerId': fc.oneof(fc.constantFrom('not-a-uuid', ''), fc.uuid({ version: 4 })),
        'input.cadenceMinutes': invalid.smallInt,
        // below cadence (60) or out of range
        'input.warnAfterMinutes': fc.oneof(invalid.smallInt, fc.integer({ min: 1, max: 59 })),
        'input.errorAfterMinutes': fc.oneof(invalid.smallInt, fc.integer({ min: 1, max: 89 })),
      },
    },
    {
      name: 'recordIngestBatch',
      document: 'mutation($input: IngestBatchInput!) { recordIngestBatch(input: $input) { recorded } }',
      valid: () => ({
        input: {
          kind: 'SURVEYS',
          source: 'voc',
          batchKey: 'surveys-2026-05-04',
          rowsRead: 10,
          rowsInserted: 9,
          rowsRejected: 1,
          latestEventAt: '2026-05-04T02:00:00Z',
        },
      }),
      fields: {
        'input.kind': invalid.enumValue,
        'input.source': invalid.requiredText,
        'input.batchKey': invalid.requiredText,
        'input.centerId': fc.oneof(fc.constantFrom('not-a-uuid', ''), fc.uuid({ version: 4 })),
        'input.rowsRead': fc.oneof(invalid.smallInt, fc.integer({ min: 0, max: 9 })),
        'input.rowsInserted': fc.constantFrom(-1, 1.5, 'ten', null),
        'input.rowsRejected': fc.constantFrom(-1, 1.5, 'one', null),
        'input.latestEventAt': fc.oneof(invalid.timestamp, fc.constant('2999-01-01T00:00:00Z')),
      },
    },
    {
      name: 'recordSystemIncident',
      document: 'mutation($input: SystemIncidentInput!) { recordSystemIncident(input: $input) { id } }',
      valid: () => ({
        input: {
          system: 'ACD',
          channels: ['VOICE'],
          startedAt: '2026-05-04T02:00:00Z',
          endedAt: '2026-05-04T02:30:00Z',
        },
      }),
      fields: {
        'input.system': invalid.requiredText,
        'input.channels': fc.constantFrom(['PIGEON'], [1], ['VOICE', 'FAX']),
        'input.centerId': fc.oneof(fc.constantFrom('not-a-uuid', ''), fc.uuid({ version: 4 })),
        'input.startedAt': invalid.timestamp,
        'input.endedAt': fc.oneof(invalid.timestamp, fc.constant('2026-05-04T01:00:00Z')),
        'input.severity': fc.constantFrom('HUGE', '', 'critical'),
        'input.cause': fc.constantFrom('', 'x'.repeat(2001)),
      },
    },
    {
      name: 'createAlertRule',
      document: 'mutation($input: AlertRuleInput!) { createAlertRule(input: $input) { id } }',
      valid: () => ({
        input: {
          name: 'Oldest wait',
          metric: 'OLDEST_WAIT_SECONDS',
          centerId: alertCenter,
          comparator: 'GT',
          threshold: 120,
          forSeconds: 60,
          timeZone: 'Asia/Shanghai',
        },
      }),
      fields: {
        'input.name': invalid.requiredText,
        'input.metric': invalid.enumValue,
        'input.centerId': fc.oneof(fc.constantFrom('not-a-uuid', ''), fc.uuid({ version: 4 })),
        // not queues of the center
        'input.queueIds': fc.oneof(
          fc.constantFrom(['not-a-uuid'], 'x'),
          fc.uuid({ version: 4 }).map((u) => [u]),
        ),
        'input.comparator': invalid.enumValue,
        'input.threshold': fc.constantFrom(-1, 1e9, 'high', null),
        'input.forSeconds': fc.oneof(invalid.smallInt, fc.integer({ min: 0, max: 4 })),
        'input.timeZone': fc.constantFrom('Mars/Base', '', 'GMT+25'),
      },
    },
  ];

  badInputProperties(() => traffic, cases, 40);
});
