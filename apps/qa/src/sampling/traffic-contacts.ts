import { queryGateway } from '@switchboard/subgraph-kit';

export interface DrawnContact {
  source: string;
  externalId: string;
  arrivedAt: string;
  agent: { employeeNo: string } | null;
}

export interface ContactSampleRequest {
  from: Date;
  to: Date;
  perAgent: number;
  seed: string;
  employeeNos: string[];
  queueCodes: string[];
  channels: string[];
}

const SAMPLE = `query($f: ContactSampleInput!) { contactSample(filter: $f) {
  source externalId arrivedAt agent { employeeNo } } }`;

/** Asks traffic (through the gateway) for a reproducible sample; QA never reads traffic's tables. */
export async function fetchContactSample(request: ContactSampleRequest): Promise<DrawnContact[]> {
  const data = await queryGateway<{ contactSample: DrawnContact[] }>(
    SAMPLE,
    {
      f: {
        from: request.from.toISOString(),
        to: request.to.toISOString(),
        perAgent: request.perAgent,
        seed: request.seed,
        employeeNos: request.employeeNos,
        queueCodes: request.queueCodes.length ? request.queueCodes : null,
        channels: request.channels.length ? request.channels : null,
      },
    },
    { purpose: 'contact sample' },
  );
  return data.contactSample;
}
