import { describe, expect, it } from 'vitest';
import { noteMinutes, notesMinutes } from '../../src/domain/present/note-timing.ts';
import { lessonPlanMinutes, pace, plannedMs, slidePlan, type SlideWindow } from '../../src/domain/present/pace.ts';

const minute = 60_000;
/** Windows written in minutes, for reading. */
const windows = (...pairs: [number, number][]): SlideWindow[] =>
  pairs.map(([start, end]) => ({ startMs: start * minute, endMs: end * minute }));

describe('slidePlan', () => {
  it('spreads a lesson’s minutes over its slides when its notes state no timings', () => {
    expect(slidePlan([{ minutes: 8, slides: 4 }])).toEqual(windows([0, 2], [2, 4], [4, 6], [6, 8]));
    expect(
      slidePlan([
        { minutes: 0, slides: 1 },
        { minutes: 6, slides: 2 },
      ]),
    ).toEqual(windows([0, 0], [0, 3], [3, 6]));
    expect(slidePlan([{ minutes: 5, slides: 0 }])).toEqual([]);
    expect(slidePlan([{ minutes: 6, slides: 2, slideMinutes: [undefined, undefined] }])).toEqual(windows([0, 3], [3, 6]));
  });

  it('gives each timed section its notes’ minutes, whatever the lesson’s minutes say', () => {
    expect(slidePlan([{ minutes: 99, slides: 3, slideMinutes: [3, 2, 1] }])).toEqual(windows([0, 3], [3, 5], [5, 6]));
  });

  it('lets untimed slides share a window: the title and opening with the first section, an activity with the section before it', () => {
    // title, opening, section (3), quiz question, quiz question, section (2), summary (1), knowledge check
    const plan = slidePlan([{ minutes: 10, slides: 8, slideMinutes: [undefined, undefined, 3, undefined, undefined, 2, 1, undefined] }]);
    expect(plan).toEqual(windows([0, 3], [0, 3], [0, 3], [0, 3], [0, 3], [3, 5], [5, 6], [5, 6]));
    expect(plannedMs(plan)).toBe(6 * minute);
  });

  it('plans the lessons of a module one after another, timed or not', () => {
    expect(
      slidePlan([
        { minutes: 0, slides: 1 },
        { minutes: 12, slides: 2, slideMinutes: [undefined, 4] },
        { minutes: 4, slides: 2 },
      ]),
    ).toEqual(windows([0, 0], [0, 4], [0, 4], [4, 6], [6, 8]));
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

  it('keeps a trainer who follows the notes’ timings on pace, activities included', () => {
    // A 5-minute self-paced lesson whose notes plan 3 + 5 (a role-play follows the second section) + 1 minutes in class.
    const timed = slidePlan([{ minutes: 5, slides: 5, slideMinutes: [undefined, 3, 5, undefined, 1] }]);
    expect(pace(0, timed, 0).status).toBe('on-pace');
    expect(pace(2.5 * minute, timed, 1).status).toBe('on-pace');
    expect(pace(7 * minute, timed, 3).status).toBe('on-pace');
    expect(pace(8.5 * minute, timed, 4)).toMatchObject({ status: 'on-pace', plannedMs: 9 * minute });
    expect(pace(9 * minute, timed, 3)).toMatchObject({ status: 'behind', minutes: 1 });
    // Spread over the self-paced 5 minutes, the same trainer in the role-play would read as 3 minutes behind.
    expect(pace(7 * minute, slidePlan([{ minutes: 5, slides: 5 }]), 3)).toMatchObject({ status: 'behind', minutes: 3 });
  });
});

describe('lessonPlanMinutes', () => {
  it('is the total the lesson’s trainer notes state, when they state timings', () => {
    expect(lessonPlanMinutes({ minutes: 8 }, 19)).toBe(19);
    expect(lessonPlanMinutes({ minutes: 5, classActivity: { minutes: 5 } }, 14)).toBe(14);
  });

  it('falls back to the lesson’s own minutes, plus a class activity’s countdown', () => {
    expect(lessonPlanMinutes({ minutes: 8 }, undefined)).toBe(8);
    expect(lessonPlanMinutes({ minutes: 5, classActivity: { minutes: 20 } }, undefined)).toBe(25);
  });
});

describe('noteMinutes', () => {
  it('reads the "约 N 分钟" a trainer note ends with', () => {
    expect(noteMinutes('\n请学员两人一组练习。约 3 分钟。\n')).toBe(3);
    expect(noteMinutes('讲师说明规则。约 1 分钟说明。')).toBe(1);
    expect(noteMinutes('示范一遍。**约 4 分钟**。')).toBe(4);
  });

  it('takes the last timing when a note mentions other durations on the way', () => {
    expect(noteMinutes('给学员约 8 分钟完成自测，再讨论结果。约 15 分钟（含自测）。')).toBe(15);
    expect(noteMinutes('做一个 1 分钟小练习，然后请两人分享。约 3 分钟。')).toBe(3);
    expect(noteMinutes('约 6 分钟（课堂版可延长到 15 分钟）。')).toBe(6);
  });

  it('finds no timing in a note without one, and sums the notes that state one', () => {
    expect(noteMinutes('这一页供自学者使用，课堂上可以跳过。')).toBeUndefined();
    expect(notesMinutes(['约 3 分钟。', '课堂上跳过。', '约 2 分钟。'])).toBe(5);
    expect(notesMinutes(['课堂上跳过。'])).toBeUndefined();
    expect(notesMinutes([])).toBeUndefined();
  });
});
