import { tracing } from './tracing'; // first: traces need http, graphql and pg instrumented as they load
import 'reflect-metadata';
import { subgraphContract } from '@switchboard/contracts';
import { runSubgraphMain } from '@switchboard/subgraph-kit';
import { vocSubgraph } from './voc.subgraph';

runSubgraphMain(vocSubgraph, subgraphContract('voc').port, { afterStop: () => tracing?.shutdown() });
