export { trainingSubgraph, buildTrainingSchema } from './training.subgraph';
export { TrainingSummaryService, type TrainingGroup } from './federation/training-summary.service';
