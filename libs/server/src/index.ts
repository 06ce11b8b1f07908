export { createLogger, type Logger } from './logger';
export {
  ErrorCode,
  badUserInput,
  notFound,
  conflict,
  flattenValidationErrors,
  formatGraphQLError,
  withVariableFields,
  type FieldProblem,
} from './errors';
export { serveGraphQL, listen, type GraphQLHttpOptions, type RunningServer } from './http-server';
export { onShutdown } from './shutdown';
export { controlCharacterGuard } from './control-characters';
