import { z } from 'zod';
import { idSchema, personalityTypeSchema, textSchema } from './ids.ts';

/**
 * `content/scenarios/<id>.yaml`: a branching complaint role-play. Started small here; the
 * role-play issue completes it (state, nodes, choices, endings) and adds the graph checks.
 */
export const scenarioSchema = z.object({
  /** Scenario id, unique among all activities; the player is at `/scenarios/<id>/`. */
  id: idSchema,
  /** Title shown above the role-play. */
  title: textSchema,
  /** The situation the learner walks into. */
  situation: textSchema,
  /** Who the customer is. */
  customer: z.object({
    /** Customer's name as shown on the persona card. */
    name: textSchema,
    /** Personality type (outline 4.4). */
    personality: personalityTypeSchema,
  }),
});

export type Scenario = z.infer<typeof scenarioSchema>;
