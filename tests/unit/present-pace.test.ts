import { describe, expect, it } from 'vitest';
import { lessonPlanMinutes, pace, slidePlan } from '../../src/domain/present/pace.ts';

const minute = 60_000;

describe('slidePlan', () => {
  it('spreads each lesson’s minutes over its own slides', () => {
    expect(slidePlan([{ minutes: 8, slides: 4 }])).toEqual([2, 2, 2, 2].map((m) => m * minute));
    expect(
      slidePlan([
        { minutes: 0, slides: 1 },
        { minutes: 6, slides: 2 },
      ]),
    ).toEqual([0, 3 * minute, 3 * minute]);
    expect(slidePlan([{ minutes: 5, slides: 0 }])).toEqual([]);
  });
});

describe('pace', () => {
  const plan = slidePlan([{ minutes: 8, slides: 4 }]);

  it('reports the planned total', () => {
    expect(pace(0, plan, 0).plannedMs).toBe(8 * minute);
  });

  it('is on pace while the time spent falls within the current slide’s share', () => {
    expect(pace(3 * minute, plan, 1)).toMatchObject({ status: 'on-pace', minutes: 0 });
    expect(pace(4.4 * minute, plan, 1).status).toBe('on-pace');
  });

  it('is behind when the time is past the end of the current slide’s share', () => {
    expect(pace(7 * minute, plan, 1)).toMatchObject({ status: 'behind', minutes: 3 });
    expect(pace(11 * minute, plan, 3)).toMatchObject({ status: 'behind', minutes: 3 });
  });

  it('is ahead when the trainer reached a slide before its share began', () => {
    expect(pace(1 * minute, plan, 3)).toMatchObject({ status: 'ahead', minutes: 5 });
  });

  it('says at least one minute when off pace', () => {
    expect(pace(4.6 * minute, plan, 1)).toMatchObject({ status: 'behind', minutes: 1 });
  });

  it('copes with a current slide out of range and an empty plan', () => {
    expect(pace(0, plan, 99).status).toBe('ahead');
    expect(pace(5 * minute, [], 0)).toMatchObject({ status: 'behind', plannedMs: 0 });
  });
});

describe('lessonPlanMinutes', () => {
  it('adds a class activity’s countdown to the lesson’s own minutes', () => {
    expect(lessonPlanMinutes({ minutes: 8 })).toBe(8);
    expect(lessonPlanMinutes({ minutes: 5, classActivity: { minutes: 20 } })).toBe(25);
  });
});
