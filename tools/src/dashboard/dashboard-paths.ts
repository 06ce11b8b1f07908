import { resolve } from 'node:path';

const root = resolve(__dirname, '..', '..', '..');
export const DASHBOARD_DIR = resolve(root, 'apps/dashboard');
/** The API schema the dashboard is typed against (committed; compared with the supergraph in tests). */
export const DASHBOARD_SCHEMA_PATH = resolve(DASHBOARD_DIR, 'schema.graphql');
/** The dashboard's GraphQL operations, one file. */
export const DASHBOARD_OPERATIONS_PATH = resolve(DASHBOARD_DIR, 'src/api/operations.graphql');
/** Typed operations generated from those operations (committed). */
export const DASHBOARD_TYPES_PATH = resolve(DASHBOARD_DIR, 'src/api/generated.ts');
