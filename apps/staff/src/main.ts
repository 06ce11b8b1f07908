import 'reflect-metadata';
import { subgraphContract } from '@switchboard/contracts';
import { runSubgraphMain } from '@switchboard/subgraph-kit';
import { staffSubgraph } from './staff.subgraph';

runSubgraphMain(staffSubgraph, subgraphContract('staff').port);
