import { tracing } from './tracing'; // first: traces need http, graphql and pg instrumented as they load
import 'reflect-metadata';
import { runSubgraphMain } from '@switchboard/subgraph-kit';
import { staffSubgraph } from './staff.subgraph';

runSubgraphMain(staffSubgraph, 4001, { afterStop: () => tracing?.shutdown() });
