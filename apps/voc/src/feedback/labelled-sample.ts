/**
 * The hand-labelled sample the confusion report runs a rule set against by default (shipped with voc,
 * so a module of the build, not a test fixture): verbatims in Chinese and English with the category a
 * person gave each.
 */
export const LABELLED_FEEDBACK_SAMPLE: readonly { text: string; label: string }[] = [
  {
    text: '等了二十分钟才接通，太久了',
    label: 'WAIT_TIME',
  },
  {
    text: '电话一直打不通，排队排了半天',
    label: 'WAIT_TIME',
  },
  {
    text: 'I waited 25 minutes on hold before anyone answered',
    label: 'WAIT_TIME',
  },
  {
    text: 'The line was busy all morning',
    label: 'WAIT_TIME',
  },
  {
    text: '客服态度很差，说话不耐烦',
    label: 'AGENT_ATTITUDE',
  },
  {
    text: '这位客服非常耐心，讲解得很清楚，谢谢',
    label: 'AGENT_ATTITUDE',
  },
  {
    text: 'The agent was rude and hung up on me',
    label: 'AGENT_ATTITUDE',
  },
  {
    text: 'Very friendly and polite young man',
    label: 'AGENT_ATTITUDE',
  },
  {
    text: '问题到现在还没有解决，已经是第三次打电话了',
    label: 'RESOLUTION',
  },
  {
    text: '说会回电，结果没人联系我，问题没解决',
    label: 'RESOLUTION',
  },
  {
    text: 'My dispute is still not resolved after two weeks',
    label: 'RESOLUTION',
  },
  {
    text: 'I had to call again and explain everything from the start',
    label: 'RESOLUTION',
  },
  {
    text: '为什么收了我的年费，办卡时说免年费的',
    label: 'FEES_INTEREST',
  },
  {
    text: '分期的手续费太高了',
    label: 'FEES_INTEREST',
  },
  {
    text: 'I was charged a late fee even though I paid on time',
    label: 'FEES_INTEREST',
  },
  {
    text: 'The interest on my statement is wrong',
    label: 'FEES_INTEREST',
  },
  {
    text: '手机银行总是闪退，没法还款',
    label: 'APP_DIGITAL',
  },
  {
    text: '收不到验证码，登录不了网银',
    label: 'APP_DIGITAL',
  },
  {
    text: 'The app crashes every time I open my card page',
    label: 'APP_DIGITAL',
  },
  {
    text: 'I cannot log in to online banking since the update',
    label: 'APP_DIGITAL',
  },
  {
    text: '语音菜单太复杂了，找不到转人工',
    label: 'IVR',
  },
  {
    text: '按了好几次键都回到主菜单',
    label: 'IVR',
  },
  {
    text: 'The robot kept asking me to press 1, I just wanted a human',
    label: 'IVR',
  },
  {
    text: '我的卡被盗刷了三笔，赶紧帮我冻结',
    label: 'FRAUD_SECURITY',
  },
  {
    text: '接到诈骗电话，冒充银行的',
    label: 'FRAUD_SECURITY',
  },
  {
    text: 'There are unauthorized transactions on my card',
    label: 'FRAUD_SECURITY',
  },
  {
    text: 'My card was blocked while I was abroad',
    label: 'FRAUD_SECURITY',
  },
  {
    text: '挺好的',
    label: 'UNCATEGORIZED',
  },
  {
    text: 'No comment',
    label: 'UNCATEGORIZED',
  },
  {
    text: '谢谢你们的服务',
    label: 'UNCATEGORIZED',
  },
  {
    text: '积分兑换的礼品还没收到',
    label: 'UNCATEGORIZED',
  },
  {
    text: 'I would like a higher credit limit',
    label: 'UNCATEGORIZED',
  },
  {
    text: '转了三个部门都说不归他们管',
    label: 'RESOLUTION',
  },
  {
    text: '账单上多了一笔我不认识的消费',
    label: 'FRAUD_SECURITY',
  },
  {
    text: 'Nobody could tell me why my payment bounced',
    label: 'RESOLUTION',
  },
  {
    text: '说好的免息期怎么还要付钱',
    label: 'FEES_INTEREST',
  },
];
