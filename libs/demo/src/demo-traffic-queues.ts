/** Channels of the canonical contact record (apps/traffic contact-record.ts); libs cannot import apps. */
export type DemoChannel = 'VOICE' | 'CHAT' | 'WECHAT' | 'APP' | 'SMS' | 'EMAIL' | 'VIDEO';

/** A queue of the demo centers, and the teams whose agents answer it. */
export interface DemoQueue {
  code: string;
  name: string;
  channel: DemoChannel;
  centerCode: string;
  teamCodes: string[];
}

/** How a queue's traffic behaves: the generator's parameters, not part of the queue itself. */
export interface DemoQueueModel extends DemoQueue {
  /** Contacts on an average weekday at scale 1, calls contained by the IVR included. */
  dailyVolume: number;
  /** Share of the queue's voice calls that end in self-service (outcome IVR, no queue). */
  ivrShare: number;
  /** Talk time (chat: conversation time) in seconds, lognormal: median and sigma. */
  talkMedian: number;
  talkSigma: number;
  holdProbability: number;
  acwMedian: number;
  /** Mean customer patience in seconds (exponential). */
  patienceMean: number;
  transferRate: number;
  /** Contacts an agent handles at once (chats); 1 for voice. */
  concurrency: number;
  /** The ACD routes a caller still waiting after this long elsewhere (outcome OVERFLOW). */
  overflowSeconds: number | null;
  /** Local opening hours [from, to); null = around the clock. */
  openHours: [number, number] | null;
  /** Campaign queues get 2-3x volume on some days, which staffing only half follows. */
  campaign: boolean;
  wrapupCodes: string[];
}

const VOICE: Pick<
  DemoQueueModel,
  | 'channel'
  | 'talkSigma'
  | 'holdProbability'
  | 'acwMedian'
  | 'patienceMean'
  | 'concurrency'
  | 'overflowSeconds'
  | 'openHours'
  | 'campaign'
> = {
  channel: 'VOICE',
  talkSigma: 0.6,
  holdProbability: 0.25,
  acwMedian: 25,
  patienceMean: 240,
  concurrency: 1,
  overflowSeconds: null,
  openHours: null,
  campaign: false,
};

const DIGITAL: Omit<DemoQueueModel, 'code' | 'name' | 'channel' | 'dailyVolume'> = {
  ivrShare: 0,
  talkMedian: 420,
  talkSigma: 0.7,
  holdProbability: 0,
  acwMedian: 10,
  patienceMean: 360,
  transferRate: 0.04,
  concurrency: 3,
  overflowSeconds: null,
  openHours: null,
  campaign: false,
  centerCode: 'SHA-01',
  teamCodes: ['SHA-DIGITAL'],
  wrapupCodes: ['ACCOUNT_INQUIRY', 'CARD_SERVICE', 'APP_SUPPORT', 'TRANSFER_STATUS', 'GENERAL_INQUIRY'],
};

const MODELS: DemoQueueModel[] = [
  {
    ...VOICE,
    code: 'SHA-CARDS',
    name: 'Cards',
    centerCode: 'SHA-01',
    teamCodes: ['SHA-CARDS-1', 'SHA-CARDS-2'],
    dailyVolume: 1100,
    ivrShare: 0.22,
    talkMedian: 230,
    transferRate: 0.06,
    overflowSeconds: 240,
    wrapupCodes: ['CARD_ACTIVATION', 'LOST_OR_STOLEN', 'LIMIT_CHANGE', 'BILL_INQUIRY', 'INSTALMENT'],
  },
  {
    ...VOICE,
    code: 'SHA-LOANS',
    name: 'Loans and mortgages',
    centerCode: 'SHA-01',
    teamCodes: ['SHA-LOANS'],
    dailyVolume: 400,
    ivrShare: 0.12,
    talkMedian: 330,
    holdProbability: 0.35,
    transferRate: 0.08,
    openHours: [8, 22],
    wrapupCodes: ['REPAYMENT', 'MORTGAGE_INQUIRY', 'EARLY_SETTLEMENT', 'APPLICATION_STATUS'],
  },
  {
    ...VOICE,
    code: 'SHA-DEPOSITS',
    name: 'Accounts and deposits',
    centerCode: 'SHA-01',
    teamCodes: ['SHA-DEPOSITS'],
    dailyVolume: 600,
    ivrShare: 0.28,
    talkMedian: 190,
    transferRate: 0.05,
    overflowSeconds: 240,
    wrapupCodes: ['BALANCE_INQUIRY', 'TIME_DEPOSIT', 'ACCOUNT_FREEZE', 'TRANSFER_STATUS'],
  },
  {
    ...VOICE,
    code: 'SHA-WEALTH',
    name: 'Wealth management',
    centerCode: 'SHA-01',
    teamCodes: ['SHA-WEALTH'],
    dailyVolume: 160,
    ivrShare: 0.05,
    talkMedian: 400,
    patienceMean: 300,
    transferRate: 0.07,
    openHours: [9, 18],
    wrapupCodes: ['FUND_PURCHASE', 'PRODUCT_INQUIRY', 'RISK_ASSESSMENT', 'REDEMPTION'],
  },
  {
    ...VOICE,
    code: 'SHA-FRAUD',
    name: 'Fraud and disputes',
    centerCode: 'SHA-01',
    teamCodes: ['SHA-FRAUD'],
    dailyVolume: 280,
    ivrShare: 0.04,
    talkMedian: 380,
    holdProbability: 0.4,
    acwMedian: 60,
    patienceMean: 300,
    transferRate: 0.1,
    wrapupCodes: ['SUSPICIOUS_TRANSACTION', 'CARD_BLOCK', 'CHARGEBACK', 'COMPLAINT'],
  },
  {
    ...VOICE,
    code: 'SHA-CANTONESE',
    name: 'Cantonese line',
    centerCode: 'SHA-01',
    teamCodes: ['SHA-CANTON'],
    dailyVolume: 200,
    ivrShare: 0.15,
    talkMedian: 250,
    transferRate: 0.07,
    openHours: [8, 22],
    wrapupCodes: ['CARD_ACTIVATION', 'BILL_INQUIRY', 'ACCOUNT_INQUIRY', 'GENERAL_INQUIRY'],
  },
  { ...DIGITAL, code: 'SHA-CHAT', name: 'App and web chat', channel: 'CHAT', dailyVolume: 380 },
  { ...DIGITAL, code: 'SHA-WECHAT', name: 'WeChat service account', channel: 'WECHAT', dailyVolume: 320 },
  {
    ...VOICE,
    code: 'CTU-ACTIVATION',
    name: 'Card activation campaign',
    centerCode: 'CTU-T1',
    teamCodes: ['CTU-CAMP-1'],
    dailyVolume: 270,
    ivrShare: 0.1,
    talkMedian: 170,
    patienceMean: 180,
    transferRate: 0.05,
    openHours: [9, 21],
    campaign: true,
    wrapupCodes: ['ACTIVATED', 'NOT_INTERESTED', 'CALL_BACK_LATER', 'FEE_QUESTION'],
  },
  {
    ...VOICE,
    code: 'CTU-INSTALMENT',
    name: 'Instalment offer campaign',
    centerCode: 'CTU-T1',
    teamCodes: ['CTU-CAMP-2'],
    dailyVolume: 160,
    ivrShare: 0.08,
    talkMedian: 210,
    patienceMean: 180,
    transferRate: 0.06,
    openHours: [9, 21],
    campaign: true,
    wrapupCodes: ['OFFER_ACCEPTED', 'OFFER_DECLINED', 'CALL_BACK_LATER', 'RATE_QUESTION'],
  },
];

/** The generator's view of the queues, with their traffic parameters. */
export function demoQueueModels(): DemoQueueModel[] {
  return MODELS.map((m) => ({ ...m, teamCodes: [...m.teamCodes], wrapupCodes: [...m.wrapupCodes] }));
}

/** The queues of the demo centers (see demoRoster): code, name, channel, center and answering teams. */
export function demoQueues(): DemoQueue[] {
  return MODELS.map(({ code, name, channel, centerCode, teamCodes }) => ({
    code,
    name,
    channel,
    centerCode,
    teamCodes: [...teamCodes],
  }));
}
