import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countsForCompletion,
  courseMap,
  coursePath,
  lessonsByTopic,
  lessonsToComplete,
  neighbours,
  type CourseStep,
  type ModuleSummary,
} from '../../src/domain/course-map.ts';
import { lessonSummary, sampleLessons, sampleMap, sampleModules } from '../fixtures/course-map.ts';

const ids = (lessons: readonly { id: string }[] | undefined) => lessons?.map((l) => l.id);
const steps = (path: readonly Pick<CourseStep, 'kind' | 'id'>[]) => path.map((s) => `${s.kind}:${s.id}`);

describe('the course map', () => {
  const map = sampleMap();

  it('lists modules in the order course.yaml gives, numbered from 1', () => {
    expect(map.modules.map((m) => [m.number, m.id])).toEqual([
      [1, 'mindset'],
      [2, 'customers'],
    ]);
  });

  it('lists each module’s lessons by their order, whatever order the files were read in', () => {
    expect(ids(map.modules[0]?.lessons)).toEqual(['selling-starts-with-service', 'what-is-service']);
    expect(ids(map.modules[1]?.lessons)).toEqual(['understanding-customers']);
  });

  it('lists every lesson in course order, module by module', () => {
    expect(ids(map.lessons)).toEqual(['selling-starts-with-service', 'what-is-service', 'understanding-customers']);
  });

  it('adds up the minutes per module and for the course', () => {
    expect(map.modules.map((m) => m.minutes)).toEqual([17, 8]);
    expect(map.minutes).toBe(25);
  });

  it('keeps a module that has no lessons yet, with 0 minutes', () => {
    const withEmpty = courseMap([...sampleModules, { id: 'tools', title: '服务营销工具', summary: '模型与工具。' }], sampleLessons);
    expect(withEmpty.modules[2]).toMatchObject({ id: 'tools', number: 3, lessons: [], minutes: 0 });
    expect(withEmpty.lessons).toHaveLength(3);
  });

  it('leaves out lessons whose module is not in the course', () => {
    const stray = courseMap(sampleModules, [...sampleLessons, lessonSummary('orphan', 'retired-module', 1)]);
    expect(ids(stray.lessons)).not.toContain('orphan');
  });

  it('does not reorder the lessons it was given', () => {
    const given = [...sampleLessons];
    courseMap(sampleModules, given);
    expect(given).toEqual(sampleLessons);
  });
});

describe('the learner’s path', () => {
  const map = sampleMap();

  it('takes each module’s lessons in order, then its module quiz', () => {
    expect(steps(coursePath(map))).toEqual([
      'lesson:selling-starts-with-service',
      'lesson:what-is-service',
      'quiz:module-mindset',
      'lesson:understanding-customers',
      'quiz:module-customers',
    ]);
    expect(coursePath(map)[2]).toEqual({ kind: 'quiz', id: 'module-mindset', title: '模块测验：服务理念', module: 'mindset' });
  });

  it('goes straight on to the next module when a module has no quiz', () => {
    const noQuiz = courseMap(
      sampleModules.map(({ quiz: _quiz, ...module }) => module),
      sampleLessons,
    );
    expect(steps(coursePath(noQuiz))).toEqual([
      'lesson:selling-starts-with-service',
      'lesson:what-is-service',
      'lesson:understanding-customers',
    ]);
  });

  it('keeps the quiz of a module with no lessons yet, in its module’s place', () => {
    const withEmpty = courseMap(
      [
        sampleModules[0]!,
        { id: 'tools', title: '服务营销工具', summary: '模型与工具。', quiz: { id: 'module-tools', title: '模块测验：工具' } },
        sampleModules[1]!,
      ],
      sampleLessons,
    );
    expect(steps(coursePath(withEmpty)).slice(2, 5)).toEqual([
      'quiz:module-mindset',
      'quiz:module-tools',
      'lesson:understanding-customers',
    ]);
  });
});

describe('previous and next on the path', () => {
  const map = sampleMap();
  const lesson = (id: string) => ({ kind: 'lesson' as const, id });
  const quiz = (id: string) => ({ kind: 'quiz' as const, id });
  const [first, second, mindsetQuiz, third, customersQuiz] = coursePath(map);

  it('has no previous step for the first lesson of the course', () => {
    expect(neighbours(map, lesson('selling-starts-with-service'))).toEqual({ next: second });
  });

  it('goes back to the lesson before within a module', () => {
    expect(neighbours(map, lesson('what-is-service')).previous).toEqual(first);
  });

  it('leads from a module’s last lesson to its quiz, and from the quiz to the next module’s first lesson', () => {
    expect(neighbours(map, lesson('what-is-service')).next).toEqual(mindsetQuiz);
    expect(neighbours(map, quiz('module-mindset'))).toEqual({ previous: second, next: third });
    expect(neighbours(map, lesson('understanding-customers'))).toEqual({ previous: mindsetQuiz, next: customersQuiz });
  });

  it('has no next step after the last module’s quiz', () => {
    expect(neighbours(map, quiz('module-customers'))).toEqual({ previous: third });
  });

  it('has no neighbours for a step that is not on the path, or a lesson id asked for as a quiz', () => {
    expect(neighbours(map, lesson('no-such-lesson'))).toEqual({});
    expect(neighbours(map, quiz('kc-selling'))).toEqual({});
    expect(neighbours(map, quiz('what-is-service'))).toEqual({});
  });

  // Modules of 1–4 lessons with any `order` values, authored in any order, some with a quiz:
  // following "next" from the first lesson must visit every lesson and every module quiz once,
  // in course order, and "previous" must lead back the same way.
  const courses = fc
    .array(fc.record({ orders: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 4 }), hasQuiz: fc.boolean() }), {
      minLength: 1,
      maxLength: 6,
    })
    .chain((specs) => {
      const modules: ModuleSummary[] = specs.map((spec, m) => ({
        id: `m${m}`,
        title: `模块 ${m}`,
        summary: '',
        ...(spec.hasQuiz ? { quiz: { id: `module-m${m}`, title: `模块测验 ${m}` } } : {}),
      }));
      const lessons = specs.flatMap((spec, m) => spec.orders.map((order) => lessonSummary(`m${m}-o${order}`, `m${m}`, order)));
      const expected = specs.flatMap((spec, m) => [
        ...[...spec.orders].sort((a, b) => a - b).map((order) => `lesson:m${m}-o${order}`),
        ...(spec.hasQuiz ? [`quiz:module-m${m}`] : []),
      ]);
      // The files arrive in any order.
      return fc
        .shuffledSubarray(lessons, { minLength: lessons.length, maxLength: lessons.length })
        .map((shuffled) => ({ modules, lessons: shuffled, expected }));
    });

  it('visits every lesson and every module quiz exactly once, in course order, following next from the first lesson', () => {
    fc.assert(
      fc.property(courses, ({ modules, lessons, expected }) => {
        const course = courseMap(modules, lessons);
        const visited: Pick<CourseStep, 'kind' | 'id'>[] = [{ kind: 'lesson', id: course.lessons[0]!.id }];
        for (
          let next = neighbours(course, visited[0]!).next;
          next && visited.length <= expected.length;
          next = neighbours(course, next).next
        ) {
          visited.push(next);
        }
        expect(steps(visited)).toEqual(expected);
        expect(new Set(steps(visited)).size).toBe(visited.length);
        const back = [visited.at(-1)!];
        for (let previous = neighbours(course, back[0]!).previous; previous; previous = neighbours(course, previous).previous) {
          back.unshift(previous);
        }
        expect(steps(back)).toEqual(expected);
      }),
    );
  });
});

describe('lessons by outline topic', () => {
  const byTopic = lessonsByTopic(sampleMap());

  it('lists the lessons that teach each topic, in course order', () => {
    expect(ids(byTopic.get('1.3'))).toEqual(['what-is-service', 'understanding-customers']);
    expect(ids(byTopic.get('1.1'))).toEqual(['selling-starts-with-service']);
    expect(ids(byTopic.get('4.2'))).toEqual(['understanding-customers']);
  });

  it('has no entry for a topic no lesson teaches', () => {
    expect(byTopic.has('9.9')).toBe(false);
    expect([...byTopic.keys()].sort()).toEqual(['1.1', '1.3', '4.2']);
  });
});

describe('which lessons count for completion', () => {
  it('counts every lesson except a class-only activity', () => {
    expect(countsForCompletion(lessonSummary('a', 'mindset', 1))).toBe(true);
    expect(countsForCompletion(lessonSummary('a', 'mindset', 1, { classOnly: false }))).toBe(true);
    expect(countsForCompletion(lessonSummary('b', 'mindset', 2, { classOnly: true }))).toBe(false);
  });

  it('keeps the lessons that count in the order given, whatever mix of class-only ones there is', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 12 }), (classOnly) => {
        const lessons = classOnly.map((c, i) => lessonSummary(`l${i}`, 'mindset', i + 1, { classOnly: c }));
        expect(ids(lessonsToComplete(lessons))).toEqual(ids(lessons.filter((_, i) => !classOnly[i])));
      }),
    );
  });
});
