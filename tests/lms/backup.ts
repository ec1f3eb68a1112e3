import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { shippedCatalogue } from '../fixtures/catalogue.ts';
import { REPO } from './moodle.ts';

/**
 * A progress backup, as a learner exports it from 我的学习, made from the course's own content
 * files: every lesson completed, and every module quiz but the ones left out passed with the
 * answers of its YAML answer key. None of the SCORM code (suspend data, interactions, report) is
 * used to make it; only the lesson ids and each quiz's content version come from the catalogue.
 * The suite imports it on 我的学习 inside the LMS (as a learner who studied on the website
 * would) to bring a learner near the end, then does the rest through the course's own pages.
 */

interface YamlQuestion {
  id: string;
  type: 'single' | 'multiple' | 'truefalse' | 'ordering' | 'matching';
  prompt: string;
  options?: { id: string; text: string; correct?: boolean }[];
  answer?: boolean;
  items?: { id: string; text: string }[];
  pairs?: { id: string; left: string; right: string }[];
}
export interface YamlQuiz {
  id: string;
  questions: YamlQuestion[];
}

export const quizYaml = (id: string): YamlQuiz => parse(readFileSync(join(REPO, 'content/quizzes', `${id}.yaml`), 'utf8')) as YamlQuiz;

/** The right response to each question, as the quiz island records it. */
export function rightResponses(quiz: YamlQuiz): Record<string, unknown> {
  return Object.fromEntries(
    quiz.questions.map((q): [string, unknown] => {
      switch (q.type) {
        case 'single':
          return [q.id, q.options!.find((o) => o.correct)!.id];
        case 'multiple':
          return [q.id, q.options!.filter((o) => o.correct).map((o) => o.id)];
        case 'truefalse':
          return [q.id, q.answer!];
        case 'ordering':
          return [q.id, q.items!.map((i) => i.id)];
        case 'matching':
          return [q.id, Object.fromEntries(q.pairs!.map((p) => [p.id, p.id]))];
      }
    }),
  );
}

const catalog = shippedCatalogue(REPO);
export const LESSONS = catalog.map.lessons.map((l) => l.id);
export const MODULE_QUIZZES = catalog.rule.requiredActivities;

/** Every lesson completed (but `skipLessons`), every module quiz passed but `skipQuizzes`, a day ago. */
export function progressBackup(options: { skipQuizzes?: string[]; skipLessons?: string[]; lessons?: number } = {}): string {
  let t = Date.now() - 24 * 3600_000;
  const at = () => new Date((t += 61_000)).toISOString();
  let n = 0;
  const events: unknown[] = [];
  const lessons = LESSONS.filter((id) => !options.skipLessons?.includes(id)).slice(0, options.lessons ?? LESSONS.length);
  for (const lessonId of lessons) {
    events.push({ id: `fixture-${n++}`, at: at(), type: 'lesson-viewed', lessonId });
    events.push({ id: `fixture-${n++}`, at: at(), type: 'lesson-completed', lessonId });
  }
  for (const id of MODULE_QUIZZES.filter((q) => !options.skipQuizzes?.includes(q))) {
    const quiz = quizYaml(id);
    const startedAt = at();
    const finishedAt = at();
    events.push({
      id: `fixture-${n++}`,
      at: finishedAt,
      type: 'attempt',
      attempt: {
        activityId: id,
        activityKind: 'quiz',
        contentVersion: catalog.activities.find((a) => a.id === id)!.version,
        answers: { seed: 1, responses: rightResponses(quiz) },
        score: quiz.questions.length,
        maxScore: quiz.questions.length,
        passed: true,
        startedAt,
        finishedAt,
      },
    });
  }
  return JSON.stringify({ format: 'service-classroom/progress', version: 1, courseId: catalog.course.id, events });
}
