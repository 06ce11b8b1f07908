import { tracing } from './tracing'; // first: traces need http, graphql and pg instrumented as they load
import 'reflect-metadata';
import { runSubgraphMain } from '@switchboard/subgraph-kit';
import { kpiSubgraph } from './kpi.subgraph';

runSubgraphMain(kpiSubgraph, 4005, { afterStop: () => tracing?.shutdown() });
