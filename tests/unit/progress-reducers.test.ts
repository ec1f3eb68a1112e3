import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/domain/progress/events.ts';
import { mergeEvents } from '../../src/domain/progress/merge.ts';
import {
  activityResults,
  allAttempts,
  completionStatus,
  courseTallies,
  currentLearner,
  lessonProgress,
  lessonStateOf,
  nextStep,
  requiredActivitiesPassed,
} from '../../src/domain/progress/reducers.ts';
import { courseMap, coursePath } from '../../src/domain/course-map.ts';
import { lessonSummary, sampleLessons, sampleMap, sampleModules } from '../fixtures/course-map.ts';
import { attempted, completed, learnerSet, minute, viewed } from '../fixtures/progress-events.ts';

// Course order of the sample map: selling-starts-with-service, what-is-service (module mindset),
// then understanding-customers (module customers).
const map = sampleMap();

describe('lesson states', () => {
  it('shows a lesson nobody opened as not started', () => {
    expect(lessonStateOf(lessonProgress([]), 'what-is-service')).toBe('not-started');
  });

  it('shows an opened lesson as in progress, remembering the first visit', () => {
    const lessons = lessonProgress([viewed('1', 1, 'what-is-service'), viewed('2', 7, 'what-is-service')]);
    expect(lessons.get('what-is-service')).toEqual({ state: 'in-progress', firstViewedAt: minute(1) });
  });

  it('keeps a completed lesson completed when it is viewed again later', () => {
    const lessons = lessonProgress([
      viewed('1', 1, 'what-is-service'),
      completed('2', 5, 'what-is-service'),
      viewed('3', 9, 'what-is-service'),
    ]);
    expect(lessons.get('what-is-service')).toEqual({ state: 'completed', firstViewedAt: minute(1), completedAt: minute(5) });
  });

  it('keeps the first completion time when a lesson is completed twice (two tabs)', () => {
    const lessons = lessonProgress([completed('1', 5, 'what-is-service'), completed('2', 8, 'what-is-service')]);
    expect(lessons.get('what-is-service')?.completedAt).toBe(minute(5));
  });

  it('counts a lesson completed even when no view of it was recorded', () => {
    expect(lessonStateOf(lessonProgress([completed('1', 5, 'what-is-service')]), 'what-is-service')).toBe('completed');
  });

  it('settles on the right state when another tab’s earlier events arrive after ours', () => {
    const ours = [viewed('ours', 9, 'what-is-service')];
    const theirs = [viewed('theirs-1', 1, 'what-is-service'), completed('theirs-2', 4, 'what-is-service')];
    const lessons = lessonProgress(mergeEvents(ours, theirs));
    expect(lessons.get('what-is-service')).toEqual({ state: 'completed', firstViewedAt: minute(1), completedAt: minute(4) });
  });

  it('keeps each lesson’s state separate', () => {
    const lessons = lessonProgress([viewed('1', 1, 'what-is-service'), completed('2', 2, 'understanding-customers')]);
    expect(lessonStateOf(lessons, 'what-is-service')).toBe('in-progress');
    expect(lessonStateOf(lessons, 'understanding-customers')).toBe('completed');
    expect(lessonStateOf(lessons, 'selling-starts-with-service')).toBe('not-started');
  });
});

describe('course and module tallies', () => {
  it('counts only completed lessons, per module and for the course, rounding the percent down', () => {
    const lessons = lessonProgress([
      completed('1', 1, 'selling-starts-with-service'),
      viewed('2', 2, 'what-is-service'),
      completed('3', 3, 'understanding-customers'),
    ]);
    expect(courseTallies(map, lessons)).toEqual({
      modules: [
        { id: 'mindset', done: 1, total: 2, percent: 50 },
        { id: 'customers', done: 1, total: 1, percent: 100 },
      ],
      course: { done: 2, total: 3, percent: 66 },
    });
  });

  it('shows 33 % rather than rounding one lesson of three up', () => {
    expect(courseTallies(map, lessonProgress([completed('1', 1, 'what-is-service')])).course).toEqual({ done: 1, total: 3, percent: 33 });
  });

  it('reaches 100 % only when every lesson is completed', () => {
    const all = map.lessons.map((l, i) => completed(String(i), i, l.id));
    expect(courseTallies(map, lessonProgress(all.slice(0, 2))).course.percent).toBeLessThan(100);
    expect(courseTallies(map, lessonProgress(all)).course.percent).toBe(100);
  });

  it('ignores completions of lessons that are no longer in the course', () => {
    expect(courseTallies(map, lessonProgress([completed('1', 1, 'retired-lesson')])).course).toEqual({ done: 0, total: 3, percent: 0 });
  });

  it('shows 0 % for a module without lessons instead of dividing by zero', () => {
    const empty = { ...map, modules: [{ ...map.modules[0]!, lessons: [] }] };
    expect(courseTallies(empty, lessonProgress([])).modules[0]).toEqual({ id: 'mindset', done: 0, total: 0, percent: 0 });
  });
});

describe('activity results', () => {
  it('keeps the highest-scoring attempt as best and the last one as latest', () => {
    const results = activityResults([
      attempted('1', 1, 'kc-service', { score: 6 }),
      attempted('2', 2, 'kc-service', { score: 9, passed: true }),
      attempted('3', 3, 'kc-service', { score: 4 }),
    ]);
    expect(results.get('kc-service')).toMatchObject({
      best: { score: 9, finishedAt: minute(2) },
      latest: { score: 4, finishedAt: minute(3) },
      count: 3,
      passedAt: minute(2),
    });
  });

  it('compares attempts by score ratio, not raw score, when the maximum changed', () => {
    const results = activityResults([
      attempted('1', 1, 'kc-service', { score: 8, maxScore: 20 }),
      attempted('2', 2, 'kc-service', { score: 5, maxScore: 10 }),
    ]);
    expect(results.get('kc-service')?.best).toMatchObject({ score: 5, maxScore: 10 });
  });

  it('keeps the earliest of equally good attempts as best', () => {
    const results = activityResults([attempted('1', 1, 'kc-service', { score: 8 }), attempted('2', 2, 'kc-service', { score: 8 })]);
    expect(results.get('kc-service')?.best.finishedAt).toBe(minute(1));
  });

  it('records when the activity was first passed, and keeps it after later failures and passes', () => {
    const results = activityResults([
      attempted('1', 1, 'kc-service', { score: 5 }),
      attempted('2', 2, 'kc-service', { score: 8, passed: true }),
      attempted('3', 3, 'kc-service', { score: 2 }),
      attempted('4', 4, 'kc-service', { score: 10, passed: true }),
    ]);
    expect(results.get('kc-service')?.passedAt).toBe(minute(2));
  });

  it('has no pass time while every attempt failed', () => {
    const result = activityResults([attempted('1', 1, 'kc-service'), attempted('2', 2, 'kc-service')]).get('kc-service');
    expect(result).toBeDefined();
    expect(result).not.toHaveProperty('passedAt');
  });

  it('ranks a passed activity with no score (a finished assessment) above a failed one', () => {
    const results = activityResults([
      attempted('1', 1, 'self-check', { activityKind: 'assessment', score: 0, maxScore: 0, passed: false }),
      attempted('2', 2, 'self-check', { activityKind: 'assessment', score: 0, maxScore: 0, passed: true }),
    ]);
    expect(results.get('self-check')?.best.passed).toBe(true);
  });

  it('keeps each activity’s attempts separate and lists all attempts in order', () => {
    const events = [attempted('1', 1, 'kc-a', { score: 3 }), viewed('2', 2, 'x'), attempted('3', 3, 'kc-b', { score: 7 })];
    const results = activityResults(events);
    expect([...results.keys()]).toEqual(['kc-a', 'kc-b']);
    expect(results.get('kc-a')?.count).toBe(1);
    expect(allAttempts(events).map((a) => a.activityId)).toEqual(['kc-a', 'kc-b']);
  });

  it('tells whether a lesson’s required activities are all passed', () => {
    const results = activityResults([attempted('1', 1, 'kc-a', { passed: true }), attempted('2', 2, 'kc-b')]);
    expect(requiredActivitiesPassed([], results)).toBe(true);
    expect(requiredActivitiesPassed(['kc-a'], results)).toBe(true);
    expect(requiredActivitiesPassed(['kc-a', 'kc-b'], results)).toBe(false);
    expect(requiredActivitiesPassed(['kc-never-tried'], results)).toBe(false);
  });
});

describe('course completion', () => {
  const rule = { allLessons: true, requiredActivities: ['kc-final', 'role-play'] };
  const allLessonsDone = (from: number) => map.lessons.map((l, i) => completed(`c${i}`, from + i, l.id));

  it('is not met while lessons and required activities are missing, and lists them in course order', () => {
    const status = completionStatus(map, rule, [completed('1', 1, 'what-is-service'), attempted('2', 2, 'kc-final', { passed: true })]);
    expect(status).toEqual({
      met: false,
      missingLessons: ['selling-starts-with-service', 'understanding-customers'],
      missingActivities: ['role-play'],
    });
  });

  it('is not met by completing every lesson while a required activity is unpassed', () => {
    const status = completionStatus(map, rule, [
      ...allLessonsDone(1),
      attempted('f', 10, 'kc-final', { passed: true }),
      attempted('r', 11, 'role-play'),
    ]);
    expect(status.met).toBe(false);
    expect(status.missingActivities).toEqual(['role-play']);
    expect(status).not.toHaveProperty('metAt');
  });

  it('is met once every lesson is completed and every required activity passed', () => {
    const status = completionStatus(map, rule, [
      ...allLessonsDone(1),
      attempted('f', 10, 'kc-final', { passed: true }),
      attempted('r', 11, 'role-play', { passed: true }),
    ]);
    expect(status).toEqual({ met: true, metAt: minute(11), missingLessons: [], missingActivities: [] });
  });

  it('dates completion to the event that completed the rule, not to the latest event', () => {
    const events: ProgressEvent[] = [
      attempted('f', 1, 'kc-final', { passed: true }),
      attempted('r', 2, 'role-play', { passed: true }),
      ...allLessonsDone(3), // the last lesson is completed at minute 5
      viewed('later', 30, 'what-is-service'),
      attempted('retry', 40, 'kc-final', { score: 10, passed: true }),
      learnerSet('name', 50, { name: '王芳', employeeId: 'A-17', department: '客服部' }),
    ];
    expect(completionStatus(map, rule, events)).toMatchObject({ met: true, metAt: minute(5) });
  });

  it('stays met when a required activity is failed after it was passed', () => {
    const events = [
      ...allLessonsDone(1),
      attempted('f', 10, 'kc-final', { passed: true }),
      attempted('r', 11, 'role-play', { passed: true }),
      attempted('f2', 12, 'kc-final', { score: 1, passed: false }),
    ];
    expect(completionStatus(map, rule, events)).toMatchObject({ met: true, metAt: minute(11) });
  });

  it('needs only the required activities when the rule does not ask for all lessons', () => {
    const status = completionStatus(map, { allLessons: false, requiredActivities: ['kc-final'] }, [
      viewed('1', 1, 'what-is-service'),
      attempted('2', 2, 'kc-final', { passed: true }),
    ]);
    expect(status).toEqual({ met: true, metAt: minute(2), missingLessons: [], missingActivities: [] });
  });

  it('needs only the lessons when no activity is required', () => {
    const status = completionStatus(map, { allLessons: true, requiredActivities: [] }, allLessonsDone(1));
    expect(status).toMatchObject({ met: true, metAt: minute(3) });
  });
});

describe('where “继续学习” goes', () => {
  const none = new Set<string>();
  const at = (step: { kind: string; id: string } | undefined) => step && `${step.kind}:${step.id}`;

  it('goes to the first lesson for a new learner', () => {
    expect(at(nextStep(map, lessonProgress([]), none))).toBe('lesson:selling-starts-with-service');
  });

  it('goes to the first lesson not yet completed, including one in progress', () => {
    const lessons = lessonProgress([completed('1', 1, 'selling-starts-with-service'), viewed('2', 2, 'what-is-service')]);
    expect(at(nextStep(map, lessons, none))).toBe('lesson:what-is-service');
  });

  it('goes to the module quiz once all the module’s lessons are completed and the quiz is not passed yet', () => {
    const lessons = lessonProgress([completed('1', 1, 'what-is-service'), completed('2', 2, 'selling-starts-with-service')]);
    expect(at(nextStep(map, lessons, none))).toBe('quiz:module-mindset');
    expect(at(nextStep(map, lessons, new Set(['kc-selling'])))).toBe('quiz:module-mindset');
  });

  it('crosses into the next module once the quiz is passed, and skips lessons completed out of order', () => {
    const lessons = lessonProgress([completed('1', 1, 'what-is-service'), completed('2', 2, 'selling-starts-with-service')]);
    expect(at(nextStep(map, lessons, new Set(['module-mindset'])))).toBe('lesson:understanding-customers');
    const earlierGap = lessonProgress([completed('1', 1, 'understanding-customers'), completed('2', 2, 'what-is-service')]);
    expect(at(nextStep(map, earlierGap, new Set(['module-customers'])))).toBe('lesson:selling-starts-with-service');
  });

  it('sends a learner back to a module quiz they skipped before going on', () => {
    const lessons = lessonProgress(map.lessons.map((l, i) => completed(String(i), i, l.id)));
    expect(at(nextStep(map, lessons, new Set(['module-customers'])))).toBe('quiz:module-mindset');
  });

  it('has nowhere to go when every lesson is completed and every module quiz passed', () => {
    const lessons = lessonProgress(map.lessons.map((l, i) => completed(String(i), i, l.id)));
    expect(at(nextStep(map, lessons, new Set(['module-mindset'])))).toBe('quiz:module-customers');
    expect(nextStep(map, lessons, new Set(['module-mindset', 'module-customers']))).toBeUndefined();
  });
});

describe('the learner profile', () => {
  it('is unknown until the learner enters it', () => {
    expect(currentLearner([viewed('1', 1, 'what-is-service')])).toBeUndefined();
  });

  it('is the one most recently saved', () => {
    const events = [
      learnerSet('1', 1, { name: '王芳', employeeId: 'A-17', department: '客服部' }),
      learnerSet('2', 2, { name: '王芳', employeeId: 'A-17', department: '售后部' }),
    ];
    expect(currentLearner(events)).toEqual({ name: '王芳', employeeId: 'A-17', department: '售后部' });
  });
});

describe('a class-only activity (a lesson done in class with a group)', () => {
  // The sample course with a class-only activity at the end of module mindset, as the icebreaker
  // sits at the end of module influence in the real course.
  const withClass = courseMap(sampleModules, [...sampleLessons, lessonSummary('my-team', 'mindset', 3, { classOnly: true })]);
  const rule = { allLessons: true, requiredActivities: ['module-mindset'] };
  const everythingElse = [
    completed('1', 1, 'selling-starts-with-service'),
    completed('2', 2, 'what-is-service'),
    completed('3', 3, 'understanding-customers'),
    attempted('4', 4, 'module-mindset', { passed: true }),
  ];

  it('does not hold back completion: a learner on their own who skipped it has completed the course', () => {
    expect(completionStatus(withClass, rule, everythingElse)).toEqual({
      met: true,
      metAt: minute(4),
      missingLessons: [],
      missingActivities: [],
    });
  });

  it('is never listed as missing, while the lessons that count are', () => {
    expect(completionStatus(withClass, rule, []).missingLessons).toEqual([
      'selling-starts-with-service',
      'what-is-service',
      'understanding-customers',
    ]);
  });

  it('is left out of the progress tallies, so skipping it still shows 100 %, and doing it adds nothing', () => {
    const skipped = courseTallies(withClass, lessonProgress(everythingElse));
    expect(skipped.course).toEqual({ done: 3, total: 3, percent: 100 });
    expect(skipped.modules[0]).toEqual({ id: 'mindset', done: 2, total: 2, percent: 100 });
    const done = courseTallies(withClass, lessonProgress([...everythingElse, completed('5', 5, 'my-team')]));
    expect(done).toEqual(skipped);
  });

  it('is passed over by “继续学习”, which goes on to the module quiz', () => {
    const lessons = lessonProgress(everythingElse.slice(0, 2));
    expect(nextStep(withClass, lessons, new Set())).toMatchObject({ kind: 'quiz', id: 'module-mindset' });
  });

  it('stays on the path, so a learner paging through the module still meets it', () => {
    expect(coursePath(withClass).map((s) => s.id)).toContain('my-team');
  });
});
