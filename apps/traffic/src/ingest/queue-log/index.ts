export {
  parseQueueLog,
  QueueLogParser,
  type QueueLogLiveListener,
  type QueueLogOptions,
  type QueueLogOutput,
} from './queue-log-parser';
export { customerKeyFromCallerId, employeeNoFromAgent } from './queue-log-channel';
