export { wfmSubgraph, buildWfmSchema } from './wfm.subgraph';
