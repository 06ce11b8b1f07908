// Imported first by main.ts: instrumentation must be in place before http, graphql and pg load.
import { startTracing } from '@switchboard/tracing';

/** Undefined unless OTEL_* asks for traces; its shutdown sends what is buffered. */
export const tracing = startTracing({ service: 'voc' });
