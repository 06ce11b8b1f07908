import { tracing } from './tracing'; // first: traces need http, graphql and pg instrumented as they load
import 'reflect-metadata';
import { runSubgraphMain } from '@switchboard/subgraph-kit';
import { trafficSubgraph } from './traffic.subgraph';

runSubgraphMain(trafficSubgraph, 4004, { afterStop: () => tracing?.shutdown() });
