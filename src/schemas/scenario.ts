import { z } from 'zod';
import { STEP_IDS } from '../domain/complaint-steps.ts';
import { MOOD_MAX, MOOD_MIN } from '../domain/scenario/mood.ts';
import { deckSchema, idSchema, personalityTypeSchema, textSchema, topicIdSchema } from './ids.ts';

/**
 * `content/scenarios/<id>.yaml`: a branching complaint role-play. The schema checks the shape of
 * each piece; the graph rules (targets exist, every node reachable, every path ends, …) are
 * checked by `validateScenario` in `src/domain/scenario/validate.ts`, run by the build.
 */

const moodSchema = z.number().int().min(MOOD_MIN).max(MOOD_MAX);

/**
 * Text a learner reads. Long Chinese lines may be folded in YAML (`>-`); folding joins lines with
 * a space, which Chinese does not use, so whitespace between two Han characters or full-width
 * punctuation marks is dropped (a space between Chinese and a number or a Latin word stays).
 */
const CJK = '\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’…—';
const CJK_SPACE = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'g');
const lineSchema = textSchema.transform((text) => text.replace(CJK_SPACE, ''));

/** One of the eight steps of the complaint method (outline 7.2), by its stable id. */
export const stepIdSchema = z.enum(STEP_IDS);

/**
 * A test on the state of the conversation. Every field given must hold (they are joined by
 * "and"); a condition with no fields is refused, because it would always hold.
 */
export const conditionSchema = z
  .strictObject({
    /** Holds when the customer's mood is at least this. */
    moodAtLeast: moodSchema.optional(),
    /** Holds when the customer's mood is at most this, e.g. `1` for "about to explode". */
    moodAtMost: moodSchema.optional(),
    /** Holds when the learner has already carried out every one of these steps. */
    stepsDone: z.array(stepIdSchema).min(1).optional(),
    /** Holds when the learner has carried out none of these steps yet. */
    stepsMissing: z.array(stepIdSchema).min(1).optional(),
    /** Holds when every one of these flags is set. */
    flagsSet: z.array(idSchema).min(1).optional(),
    /** Holds when none of these flags is set. */
    flagsUnset: z.array(idSchema).min(1).optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: '条件不能为空：至少写一项，例如 moodAtMost: 2' });

/** One way out of a choice: taken when `when` holds; the last one has no `when` and is the fallback. */
export const branchSchema = z.strictObject({
  /** The test; leave it out on the last branch, which is taken when no earlier branch holds. */
  when: conditionSchema.optional(),
  /** Id of the node or ending this branch leads to. */
  to: idSchema,
});

/** What a choice does to the state of the conversation. */
export const effectsSchema = z.strictObject({
  /** Change in the customer's mood, e.g. `2` or `-3`. The mood stays between 0 and 10. */
  mood: z.number().int().min(-10).max(10).default(0),
  /** Steps of the complaint method this line carries out. */
  steps: z.array(stepIdSchema).default([]),
  /** Flags (declared in `flags`) this choice sets. */
  set: z.array(idSchema).default([]),
  /** Flags (declared in `flags`) this choice clears. */
  unset: z.array(idSchema).default([]),
});

/** How the method judges a choice; shown beside the feedback in words, not colour alone. */
export const verdictSchema = z.enum(['good', 'mixed', 'poor']);

/** Something the learner can say. */
export const choiceSchema = z.strictObject({
  /** Choice id, unique within its node; recorded in the learner's path. */
  id: idSchema,
  /** The line the learner says, as the button shows it. */
  say: lineSchema,
  /** good: the method at work; mixed: helps a little or at a cost; poor: a mistake. */
  verdict: verdictSchema,
  /** Why this helps or hurts, tied to the eight steps and to the customer's personality type. */
  feedback: lineSchema,
  /** Changes to mood, steps credited and flags. */
  effects: effectsSchema.default({ mood: 0, steps: [], set: [], unset: [] }),
  /** Where it leads: a node or ending id, or a list of branches that depend on the state. */
  next: z.union([idSchema, z.array(branchSchema).min(1)]),
});

/** A moment of the conversation: what the customer says or does, and what the learner can answer. */
export const nodeSchema = z.strictObject({
  /** Node id, unique among the scenario's nodes and endings. */
  id: idSchema,
  /** What the customer says. */
  say: lineSchema,
  /** What the customer does, shown as a stage direction, e.g. "把发票拍在柜台上". */
  does: lineSchema.optional(),
  /** The learner's possible answers. */
  choices: z.array(choiceSchema).min(1, '节点至少需要一个选项；对话结束时请把选项指向 endings 中的结局'),
});

/**
 * How a conversation ends, after the three levels of complaint (outline 7.1): the customer who
 * tells you and is won back (loyal) or helped (resolved), the one who says nothing to you and
 * goes (lost), and the one who takes it to a third party (escalated).
 */
export const outcomeSchema = z.enum(['loyal', 'resolved', 'lost', 'escalated']);

export const endingSchema = z.strictObject({
  /** Ending id, unique among the scenario's nodes and endings. */
  id: idSchema,
  /** What happened, e.g. "答应下次还来". */
  outcome: outcomeSchema,
  /** Short title of the ending shown on the result screen. */
  title: lineSchema,
  /** The customer's last words or action. */
  say: lineSchema,
  /** What the learner should take away: what worked, what did not, and why. */
  debrief: lineSchema,
  /**
   * True for an ending the method counts as a failure although the customer stays, e.g. one
   * bought by giving in to an excessive demand: a run that reaches it never passes.
   */
  failsRun: z.boolean().default(false),
});

/**
 * A transition that does not wait for a particular choice: after any choice, if `when` holds,
 * the conversation goes to `to` instead of where the choice led. Each trigger fires at most once
 * in a run. Triggers are checked in the order written, before the choice's own `next`.
 */
export const triggerSchema = z.strictObject({
  /** Trigger id, unique among the scenario's triggers. */
  id: idSchema,
  /** The state that sets it off, e.g. `{ moodAtMost: 0 }`. */
  when: conditionSchema,
  /** Node or ending the conversation jumps to. */
  to: idSchema,
  /** What happens, shown in the conversation, e.g. "客户打断你：我要找你们经理！". */
  say: lineSchema,
});

/** A flag authors declare to remember something about the conversation (false until set). */
export const flagSchema = z.strictObject({
  /** Flag id, used in effects (`set`, `unset`) and conditions (`flagsSet`, `flagsUnset`). */
  id: idSchema,
  /** What it means when the flag is set, for other authors and the branch map. */
  description: lineSchema,
});

/** Where the conversation takes place. */
export const channelSchema = z.enum(['counter', 'phone', 'chat', 'visit']);

/** The cause behind the complaint, after the deck's handling-by-cause table (outline 7.4, 7.5). */
export const causeSchema = z.enum(['company-error', 'misuse', 'misunderstanding', 'staff-attitude', 'excessive-demand']);

export const customerSchema = z.strictObject({
  /** Customer's name as shown on the persona card. */
  name: lineSchema,
  /** Personality type (outline 4.4). */
  personality: personalityTypeSchema,
  /** What went wrong, in the customer's terms. */
  problem: lineSchema,
  /** Mood when the conversation starts, 0 (furious) to 10 (delighted). */
  mood: moodSchema,
  /** What is really behind the complaint. */
  cause: causeSchema.default('company-error'),
});

export const scenarioSchema = z.strictObject({
  /** Scenario id, unique among all activities; the player is at `/scenarios/<id>/`. */
  id: idSchema,
  /** Title shown above the role-play. */
  title: lineSchema,
  /** One sentence for the scenario list. */
  summary: lineSchema,
  /** The situation the learner walks into. */
  situation: lineSchema,
  /** Where it happens: at the counter, on the phone, in an online chat, on a visit. */
  channel: channelSchema,
  /** Who the customer is. */
  customer: customerSchema,
  /** Outline topics the role-play practises. */
  topics: z.array(topicIdSchema).min(1).default(['7.2']),
  /** Deck files the scenario draws on. */
  sources: z.array(deckSchema).min(1, '至少注明一个来源课件'),
  /** Percent of the maximum score a run needs to pass (and it must keep the customer). */
  passMark: z.number().int().min(0).max(100).default(80),
  /** Extra state the author wants to remember; mood and steps are always there. */
  flags: z.array(flagSchema).default([]),
  /** Id of the node the conversation starts at. */
  start: idSchema,
  /** The conversation's nodes. */
  nodes: z.array(nodeSchema).min(1),
  /** How it can end. */
  endings: z.array(endingSchema).min(1),
  /** State-dependent jumps that apply whatever the last choice was. */
  triggers: z.array(triggerSchema).default([]),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioNode = z.infer<typeof nodeSchema>;
export type ScenarioChoice = z.infer<typeof choiceSchema>;
export type ScenarioEnding = z.infer<typeof endingSchema>;
export type ScenarioTrigger = z.infer<typeof triggerSchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type Branch = z.infer<typeof branchSchema>;
export type Effects = z.infer<typeof effectsSchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type Verdict = z.infer<typeof verdictSchema>;
export type Channel = z.infer<typeof channelSchema>;
export type Cause = z.infer<typeof causeSchema>;
