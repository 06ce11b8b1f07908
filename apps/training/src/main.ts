import 'reflect-metadata';
import { subgraphContract } from '@switchboard/contracts';
import { runSubgraphMain } from '@switchboard/subgraph-kit';
import { trainingSubgraph } from './training.subgraph';

runSubgraphMain(trainingSubgraph, subgraphContract('training').port);
