export { trafficSubgraph, buildTrafficSchema } from './traffic.subgraph';
export { parseQueueLog, QueueLogParser, type QueueLogLiveListener } from './ingest/queue-log';
