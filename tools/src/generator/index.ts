export {
  generatedContacts,
  planGeneration,
  GENERATOR_SOURCE,
  type GeneratorOptions,
  type GeneratorPlan,
} from './contact-stream';
export { canonicalCsvLine, ndjsonLine, tableCsvLine, CANONICAL_HEADER, TABLE_COLUMNS } from './contact-lines';
export {
  generateFiles,
  generatedQueues,
  OUTPUT_FILES,
  type GeneratedFiles,
  type GeneratedQueue,
  type OutputFormat,
} from './generate-files';
export { generatedOrganisation } from './organisation';
export { shanghaiMidnight } from './generate-command';
