export { trafficSubgraph, buildTrafficSchema } from './traffic.subgraph';
export { parseQueueLog, QueueLogParser, type QueueLogLiveListener } from './ingest/queue-log';
/** The totals a trafficStats row's sums stand for (the CSV export's columns turned back into rates). */
export { totalsOf } from './stats/traffic-stats.service';
