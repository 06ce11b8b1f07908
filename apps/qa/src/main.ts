import 'reflect-metadata';
import { subgraphContract } from '@switchboard/contracts';
import { runSubgraphMain } from '@switchboard/subgraph-kit';
import { qaSubgraph } from './qa.subgraph';

runSubgraphMain(qaSubgraph, subgraphContract('qa').port);
