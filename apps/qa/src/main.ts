import 'reflect-metadata';
import { runSubgraphMain } from '@switchboard/subgraph-kit';
import { qaSubgraph } from './qa.subgraph';

runSubgraphMain(qaSubgraph, 4003);
