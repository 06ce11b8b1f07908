// The testing entry (`@switchboard/qa/testing`): test data builders for end-to-end tests (tools/e2e)
// that drive QA through the gateway. Never loaded by the service itself, nor built for production.
export { QaFactory, standardScorecard, toAnswerInputs, type Answers } from './src/testing/qa-factories';
