export { isTimeZone } from '@switchboard/subgraph-kit';
