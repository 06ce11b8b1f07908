export { kpiSubgraph, buildKpiSchema } from './kpi.subgraph';
