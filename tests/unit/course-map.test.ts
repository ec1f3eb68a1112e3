import { describe, expect, it } from 'vitest';
import { courseMap, lessonsByTopic, neighbours } from '../../src/domain/course-map.ts';
import { lessonSummary, sampleLessons, sampleMap, sampleModules } from '../fixtures/course-map.ts';

const ids = (lessons: readonly { id: string }[] | undefined) => lessons?.map((l) => l.id);

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

describe('previous and next lesson', () => {
  const map = sampleMap();

  it('has no previous lesson for the first lesson of the course', () => {
    expect(neighbours(map, 'selling-starts-with-service')).toEqual({ next: map.lessons[1] });
  });

  it('has both neighbours in the middle of a module', () => {
    expect(neighbours(map, 'what-is-service')).toEqual({ previous: map.lessons[0], next: map.lessons[2] });
  });

  it('crosses from the last lesson of one module to the first of the next', () => {
    expect(neighbours(map, 'what-is-service').next?.id).toBe('understanding-customers');
    expect(neighbours(map, 'understanding-customers').previous?.id).toBe('what-is-service');
  });

  it('has no next lesson for the last lesson of the course', () => {
    expect(neighbours(map, 'understanding-customers')).toEqual({ previous: map.lessons[1] });
  });

  it('has no neighbours for a lesson that is not in the course', () => {
    expect(neighbours(map, 'no-such-lesson')).toEqual({});
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
