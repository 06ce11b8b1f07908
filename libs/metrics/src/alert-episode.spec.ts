import { breaches, stepAlert, type AlertState } from './alert-episode';

const at = (s: number): Date => new Date(Date.UTC(2026, 2, 2, 9, 0, s));

/** Runs observations (second, value) through a rule "value > 120 for 60 s"; returns the events. */
function run(observations: [number, number | null][]): { events: [number, string][]; state: AlertState } {
  let state: AlertState = { breachSince: null, firing: false };
  const events: [number, string][] = [];
  for (const [second, value] of observations) {
    const step = stepAlert(state, breaches(value, 'GT', 120), at(second), 60);
    state = step.state;
    if (step.event) events.push([second, step.event]);
  }
  return { events, state };
}

describe('alert episodes (oldest wait over 120 s for 60 s)', () => {
  it('fires once after the duration, not per tick, and clears once', () => {
    const ticks: [number, number | null][] = [];
    for (let s = 0; s <= 300; s += 10) ticks.push([s, s >= 20 && s < 200 ? 150 : 30]);
    // breach from 20 s: fires at 80 s (60 s later), clears at 200 s
    expect(run(ticks).events).toEqual([
      [80, 'FIRED'],
      [200, 'CLEARED'],
    ]);
  });

  it('a breach shorter than the duration never fires; a second episode fires again', () => {
    const { events } = run([
      [0, 150],
      [50, 150],
      [55, 100], // ended before 60 s
      [60, 150],
      [130, 150], // 70 s: fires
      [140, 100], // clears
      [150, 150],
      [210, 150], // a new episode: fires again
    ]);
    expect(events).toEqual([
      [130, 'FIRED'],
      [140, 'CLEARED'],
      [210, 'FIRED'],
    ]);
  });

  it('an unmeasurable value keeps the state: no fire, no clear', () => {
    const { events, state } = run([
      [0, 150],
      [30, null],
      [60, 150],
      [70, null],
    ]);
    expect(events).toEqual([[60, 'FIRED']]);
    expect(state).toEqual({ breachSince: at(0), firing: true });
  });

  it('compares with each comparator; null and NaN are unmeasurable', () => {
    expect([
      breaches(5, 'GT', 5),
      breaches(5, 'GTE', 5),
      breaches(5, 'LT', 5),
      breaches(5, 'LTE', 5),
    ]).toEqual([false, true, false, true]);
    expect(breaches(null, 'GT', 1)).toBeNull();
    expect(breaches(Number.NaN, 'GT', 1)).toBeNull();
  });
});
