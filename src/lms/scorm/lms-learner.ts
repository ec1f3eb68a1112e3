import type { ProgressEvent, ProgressLog } from '../../domain/progress/events.ts';
import { mergeEvents } from '../../domain/progress/merge.ts';
import { currentLearner } from '../../domain/progress/reducers.ts';

/**
 * The LMS's learner becomes the course's learner (name and employee id), keeping a department the
 * learner gave: an LMS knows who is learning, so the learner is not asked again. Shared by the
 * SCORM and cmi5 launch pages.
 */
export function withLmsLearner(log: ProgressLog, id: string, name: string, stamp: { id: string; at: string }): ProgressLog {
  if (!id && !name) return log;
  const current = currentLearner(log.events);
  if (current && current.employeeId === id && current.name === name) return log;
  const event: ProgressEvent = {
    ...stamp,
    type: 'learner-set',
    learner: { name, employeeId: id, department: current?.department ?? '' },
  };
  return { ...log, events: mergeEvents(log.events, [event]) };
}
