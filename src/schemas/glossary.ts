import { z } from 'zod';
import { idSchema, textSchema, topicIdSchema } from './ids.ts';

/**
 * One term of the course glossary. `content/glossary.yaml` is a list of these, shown at
 * `/glossary/`, grouped by the module its `topic` belongs to. Lesson ids are checked when the
 * glossary page is built: a term that names a lesson which does not exist fails the build.
 */
export const glossaryTermSchema = z.object({
  /** Anchor id, unique in the glossary: the term's address is `/glossary/#<id>`. Never rename it once linked. */
  id: idSchema,
  /** The term as the course uses it, in Simplified Chinese, e.g. "客户终身价值". */
  term: textSchema,
  /** The English term or abbreviation where the decks give one, e.g. "Lifetime Value (LTV)". */
  en: textSchema.optional(),
  /** Other names the decks use for the same idea, e.g. "挽回服务" for 服务补救. */
  aliases: z.array(textSchema).default([]),
  /** A short definition in the course's own words: one to three sentences. Which deck gives a figure belongs in the lessons' `sourceNotes`. */
  definition: textSchema,
  /** Ids of the lessons that teach the term, in teaching order; empty while no lesson does yet. */
  lessons: z.array(idSchema).default([]),
  /** The outline topic the term belongs to, e.g. "7.2"; places the term under its module. */
  topic: topicIdSchema.optional(),
});

export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
