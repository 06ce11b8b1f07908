export { staffSubgraph, buildStaffSchema, STAFF_SDL_PATH } from './staff.subgraph';
