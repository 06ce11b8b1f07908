import { tracing } from './tracing'; // first: traces need http, graphql and pg instrumented as they load
import 'reflect-metadata';
import { runSubgraphMain } from '@switchboard/subgraph-kit';
import { qaSubgraph } from './qa.subgraph';

runSubgraphMain(qaSubgraph, 4003, { afterStop: () => tracing?.shutdown() });
