import 'reflect-metadata';
import { runSubgraphMain } from '@switchboard/subgraph-kit';
import { trainingSubgraph } from './training.subgraph';

runSubgraphMain(trainingSubgraph, 4002);
