import { EventEmitter } from 'node:events';

/**
 * 'change' after a batch of live events commits in this process: the push feed wakes up instead of
 * waiting for its next tick. (Another replica's events are seen at the feed's tick; see LiveFeed.)
 */
export const liveChanges = new EventEmitter();
liveChanges.setMaxListeners(0);
