import { handleSeconds, talkSeconds, waitSeconds, type ContactTimes } from './contact-times';

const at = (time: string): Date => new Date(`2026-11-23T${time}Z`);

// Answered after 12.5 s, 330 s from answer to end of which 30 s on hold, then 45.5 s of ACW.
const answered: ContactTimes = {
  arrivedAt: at('09:00:00.000'),
  answeredAt: at('09:00:12.500'),
  endedAt: at('09:05:42.500'),
  holdSeconds: 30,
  acwSeconds: 45.5,
};

// Hung up in the queue after 3.25 s (a short abandon with the default S = 5 s).
const abandoned: ContactTimes = {
  arrivedAt: at('09:00:00.000'),
  answeredAt: null,
  endedAt: at('09:00:03.250'),
  holdSeconds: 0,
  acwSeconds: 0,
};

describe('per-contact times', () => {
  it('`wait` = answered_at − arrived_at when answered', () => {
    expect(waitSeconds(answered)).toBe(12.5);
    expect(waitSeconds({ ...answered, answeredAt: answered.arrivedAt })).toBe(0);
  });

  it('`wait` = ended_at − arrived_at when not answered', () => {
    expect(waitSeconds(abandoned)).toBe(3.25);
  });

  it('`talk` = ended_at − answered_at − hold_seconds (answered only)', () => {
    expect(talkSeconds(answered)).toBe(300); // 330 − 30
    expect(talkSeconds(abandoned)).toBeNull();
  });

  it('`handle` = ended_at − answered_at + acw_seconds (talk + hold + after-call work)', () => {
    expect(handleSeconds(answered)).toBe(375.5); // 330 + 45.5
    expect(handleSeconds(answered)).toBe(300 + 30 + 45.5);
    expect(handleSeconds(abandoned)).toBeNull();
  });

  it('refuses an invalid Date rather than returning NaN', () => {
    const broken = { ...answered, endedAt: new Date('not a date') };
    expect(() => waitSeconds({ ...abandoned, endedAt: broken.endedAt })).toThrow(RangeError);
    expect(() => talkSeconds(broken)).toThrow(RangeError);
    expect(() => handleSeconds(broken)).toThrow(RangeError);
  });
});
