import * as z from 'zod/mini';
import type { JsonValue } from '../domain/progress/events.ts';
import { RECORD_FORMAT, RECORD_VERSION } from '../domain/records/format.ts';

/**
 * The completion record, defined once: what a learner exports from `/me/` for HR and what the HR
 * page reads (`src/domain/records/read-record.ts` validates with this schema). The TypeScript
 * type is inferred from it (`CompletionRecord`), and the published JSON Schema,
 * `completion-record.schema.json`, is generated from it by `npm run schema`
 * (`src/cli/completion-record-schema.ts`); a unit test keeps the committed file equal to the
 * generated one. Written with `zod/mini` so the HR page's worker stays small.
 *
 * Scores in a record are what the learner's browser claimed; HR re-scores every attempt from its
 * raw answers and never shows a claimed number as fact. A change of shape bumps `RECORD_VERSION`;
 * the reader refuses a newer version by name, so an old HR page says "update the course" rather
 * than misreading it.
 */

/** The schema with a description for the JSON Schema (each call site passes a schema of its own: a description sticks to its instance). */
function describe<T extends z.ZodMiniType>(schema: T, description: string): T {
  z.globalRegistry.add(schema, { description });
  return schema;
}

// As `Date.prototype.toISOString` writes it, and a real date (the progress log's `isTime`).
const ISO_TIME = /^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)$/;
const time = (description = 'An ISO 8601 date-time with a time zone, as Date.prototype.toISOString writes it.') =>
  describe(
    z.string().check(
      z.regex(ISO_TIME),
      z.refine((s) => !Number.isNaN(Date.parse(s))),
    ),
    description,
  );
/** Text with something in it besides blanks. */
const filled = () => z.string().check(z.regex(/\S/));

const courseSchema = z.object({
  id: describe(z.string(), 'Course id from content/course.yaml.'),
  title: describe(z.string(), 'Course title.'),
  contentVersion: describe(
    z.string(),
    "Hash over every scored activity's content version when the record was made (courseContentVersion).",
  ),
});

const learnerSchema = describe(
  z.object({ name: filled(), employeeId: filled(), department: z.string() }),
  'What the learner entered on /me/. HR files records by employee id.',
);

const lessonBase = { id: filled(), firstViewedAt: z.optional(time()) };
/** `completedAt` is present exactly when the lesson is completed. */
const lessonSchema = z.discriminatedUnion('state', [
  z.object({ ...lessonBase, state: z.literal('completed'), completedAt: time() }),
  z.object({ ...lessonBase, state: z.enum(['not-started', 'in-progress']), completedAt: z.optional(z.never()) }),
]);

const attemptSchema = z.object({
  id: describe(
    filled(),
    "The attempt's event id in the learner's progress log; unique within the record, so two records of one learner merge without counting an attempt twice.",
  ),
  activityId: z.string().check(z.minLength(1)),
  activityKind: describe(z.enum(['quiz', 'assessment', 'scenario']), 'The personality classification set is recorded as "quiz".'),
  contentVersion: describe(z.string(), 'contentVersion() of the activity as the learner saw it.'),
  // Records are only ever read from JSON text, so whatever `answers` holds is JSON already (checking
  // it again, value by value, would double the HR page's reading time); it must be there.
  answers: describe(
    z.unknown().check(z.refine((v) => v !== undefined)),
    "Raw answers, as the activity's scoring module defines them: quiz { seed, responses }, classification { seed, responses: { item: { type, serve } } }, assessment { responses: { item: 1–4 } }, role-play { mode, path: [[node, choice], …], ending }.",
  ) as unknown as z.ZodMiniType<JsonValue>,
  score: describe(z.number(), 'Claimed score.'),
  maxScore: describe(z.number().check(z.gte(0)), 'Claimed maximum.'),
  passed: describe(z.boolean(), 'Claimed pass (for the ungraded self-assessment: finished).'),
  startedAt: time(),
  finishedAt: time(),
});

/** Every attempt's id once: the second of two equal ids is the flaw. */
const attemptsSchema = z.array(attemptSchema).check(
  z.check((ctx) => {
    const seen = new Set<string>();
    ctx.value.forEach((attempt, i) => {
      if (seen.has(attempt.id)) ctx.issues.push({ code: 'custom', message: 'repeated attempt id', input: attempt.id, path: [i, 'id'] });
      seen.add(attempt.id);
    });
  }),
);

const reviewSchema = z.object({
  id: describe(filled(), "The review's event id in the learner's progress log."),
  at: time('When the learner answered the item in the daily review.'),
  itemId: describe(
    filled(),
    'The item reviewed: "<activity id>/<question, situation or decision-point id>" of a quiz, a personality-classification set or a role-play.',
  ),
  rating: describe(
    z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    'The FSRS grade: 1 again (wrong), 2 hard (partly right), 3 good (right), 4 easy.',
  ),
  correct: describe(z.boolean(), 'Whether the answer earned full credit.'),
});

export const completionRecordSchema = z.object({
  format: describe(
    z.literal(RECORD_FORMAT),
    'Names the file\'s kind; a learning-progress backup says "service-classroom/progress" instead.',
  ),
  version: describe(z.literal(RECORD_VERSION), 'Version of this shape. A change of shape bumps it.'),
  exportedAt: time('When the record was exported. Of several records of one learner, the latest export wins.'),
  course: courseSchema,
  learner: learnerSchema,
  lessons: describe(z.array(lessonSchema), 'Every lesson of the course, in course order.'),
  attempts: describe(attemptsSchema, 'Every finished attempt, in the order finished.'),
  reviews: describe(
    z.optional(z.array(reviewSchema)),
    'Every spaced review (the daily review on /review/), in the order answered. Practice only: it changes no score and no completion. Absent in records made before reviews existed, and when the learner has none.',
  ),
});

export type CompletionRecord = z.infer<typeof completionRecordSchema>;
export type RecordCourse = CompletionRecord['course'];
export type RecordLesson = CompletionRecord['lessons'][number];
export type RecordAttempt = CompletionRecord['attempts'][number];
export type RecordReview = NonNullable<CompletionRecord['reviews']>[number];

/** The published JSON Schema (2020-12) of the record, as `completion-record.schema.json` holds it. */
export function completionRecordJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(completionRecordSchema, { target: 'draft-2020-12', io: 'input' });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: 'https://service-classroom.example/schemas/completion-record-1.json',
    title: 'Service Classroom completion record, version 1',
    description:
      "What a learner exports from /me/ for HR (src/schemas/completion-record.ts). Scores in it are the learner's browser's claims: HR re-scores every attempt from its raw answers. The HR page reads version 1 and refuses a newer version by name.",
    ...rest,
  };
}
