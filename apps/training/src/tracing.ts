// Imported first by main.ts: instrumentation must be in place before http, graphql and pg load.
import { startTracing } from '@switchboard/tracing';

startTracing({ service: 'training' });
