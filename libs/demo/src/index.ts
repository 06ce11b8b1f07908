export { seededRandom, pick } from './random';
export {
  demoRoster,
  DEMO_SEED,
  type DemoRoster,
  type DemoCenter,
  type DemoTeam,
  type DemoAgent,
  type DemoSkill,
} from './demo-roster';
