import { tracing } from './tracing'; // first: traces need http, graphql and pg instrumented as they load
import 'reflect-metadata';
import { subgraphContract } from '@switchboard/contracts';
import { runSubgraphMain } from '@switchboard/subgraph-kit';
import { qaSubgraph } from './qa.subgraph';

runSubgraphMain(qaSubgraph, subgraphContract('qa').port, { afterStop: () => tracing?.shutdown() });
