export { vocSubgraph, buildVocSchema } from './voc.subgraph';
