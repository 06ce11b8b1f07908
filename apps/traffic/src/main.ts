import 'reflect-metadata';
import { createLogger, onShutdown } from '@switchboard/server';
import { startSubgraph } from '@switchboard/subgraph-kit';
import { trafficSubgraph } from './traffic.subgraph';

const logger = createLogger(trafficSubgraph.name);

startSubgraph(trafficSubgraph, {
  port: Number(process.env.PORT ?? 4004),
  host: process.env.HOST ?? '127.0.0.1',
  seedDemo: process.env.SWITCHBOARD_SEED_DEMO === 'true',
  logger,
}).then(
  (running) => onShutdown(logger, running.stop),
  (error: unknown) => {
    logger.fatal({ err: error }, 'traffic.subgraph failed to start');
    process.exit(1);
  },
);
