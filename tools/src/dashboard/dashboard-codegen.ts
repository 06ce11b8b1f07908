import { writeFileSync } from 'node:fs';
import {
  DASHBOARD_SCHEMA_PATH,
  DASHBOARD_TYPES_PATH,
  apiSchemaOf,
  generateDashboardTypes,
} from './api-schema';

/** `npm run dashboard:codegen`: rewrites the dashboard's API schema and typed operations. */
async function main(): Promise<void> {
  const schema = apiSchemaOf();
  writeFileSync(DASHBOARD_SCHEMA_PATH, schema);
  writeFileSync(DASHBOARD_TYPES_PATH, await generateDashboardTypes(schema));
  process.stdout.write(`wrote ${DASHBOARD_SCHEMA_PATH}\nwrote ${DASHBOARD_TYPES_PATH}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
