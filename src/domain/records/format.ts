/**
 * The completion record: what a learner exports from `/me/` for HR, and what the HR page reads.
 * Its shape is defined once, by the zod schema in `src/schemas/completion-record.ts`: the types
 * below are inferred from it and the published JSON Schema is generated from it. Documented for
 * people in the README ("The completion record").
 *
 * The name and version of the shape live here, apart from the schema, so that what writes a
 * record (`/me/`, the certificate) does not carry the schema library.
 */
export const RECORD_FORMAT = 'service-classroom/completion-record';
export const RECORD_VERSION = 1;

export type { CompletionRecord, RecordAttempt, RecordCourse, RecordLesson, RecordReview } from '../../schemas/completion-record.ts';
