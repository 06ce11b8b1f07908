import { tracing } from './tracing'; // first: traces need http, graphql and pg instrumented as they load
import 'reflect-metadata';
import { runSubgraphMain } from '@switchboard/subgraph-kit';
import { trainingSubgraph } from './training.subgraph';

runSubgraphMain(trainingSubgraph, 4002, { afterStop: () => tracing?.shutdown() });
