import 'reflect-metadata';
import { runSubgraphMain } from '@switchboard/subgraph-kit';
import { staffSubgraph } from './staff.subgraph';

runSubgraphMain(staffSubgraph, 4001);
