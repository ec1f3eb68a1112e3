import { describe, expect, it } from 'vitest';
import { CMI5_STATE_FORMAT, emptyState, readState, stateDocument } from '../../src/domain/cmi5/saved-state.ts';
import { finishedCourse } from '../fixtures/scorm-course.ts';

// The document the course keeps in the LMS's State API and reads back on the next launch.

const log = finishedCourse({ seed: 7 });
const courseId = log.courseId;

describe('the cmi5 saved state', () => {
  it('reads back what it saved, through JSON as the LRS stores it', () => {
    const state = { progress: log, moveOn: ['completed' as const], sent: ['a', 'b'], location: 'lessons/x/index.html' };
    const back = readState(JSON.parse(JSON.stringify(stateDocument(state))), courseId);
    expect(back).toEqual({ state });
  });

  it('no document yet is an empty state, with no problem to report', () => {
    expect(readState(undefined, courseId)).toEqual({ state: emptyState(courseId) });
  });

  it('another shape, or a progress log that fails validation, gives an empty progress and says why, keeping what can be read', () => {
    expect(readState({ hello: 1 }, courseId).problem).toMatch(/not this course/);
    const broken = readState(
      { format: CMI5_STATE_FORMAT, version: 1, progress: { ...log, courseId: 'other' }, moveOn: ['passed', 'bogus'], sent: [1, 'x'] },
      courseId,
    );
    expect(broken.problem).toMatch(/other-course/);
    expect(broken.state).toEqual({ progress: emptyState(courseId).progress, moveOn: ['passed'], sent: ['x'] });
  });
});
