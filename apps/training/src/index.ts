export { trainingSubgraph, buildTrainingSchema } from './training.subgraph';
