/** Labels of the queue page's per-segment figures (issue 20), spread into messages.ts's languages. */
export const segmentEn = {
  byCustomerSegment: 'By customer segment',
  customerSegment: 'Customer segment',
  segment_VIP: 'VIP',
  segment_SENSITIVE: 'Sensitive',
  segment_VULNERABLE: 'Vulnerable',
  segment_STANDARD: 'Standard',
  segmentTargetNote:
    'Each figure against its segment’s target where one is set, else the target for every contact.',
} as const;

export const segmentZh: Record<keyof typeof segmentEn, string> = {
  byCustomerSegment: '按客户分群',
  customerSegment: '客户分群',
  segment_VIP: 'VIP客户',
  segment_SENSITIVE: '敏感客户',
  segment_VULNERABLE: '弱势客户',
  segment_STANDARD: '普通客户',
  segmentTargetNote:
    '按联系到达时客户所属分群统计。可查看本队列KPI记录时，各项指标旁显示该分群的目标（未设时为全部联系的目标）及状态。',
};
