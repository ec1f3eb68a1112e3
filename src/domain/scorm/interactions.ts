import { itemResponse, PERSONALITY_TYPES, scoreItemKey } from '../classification-scoring.ts';
import type { Attempt } from '../progress/events.ts';
import { responsesOf, scoreQuestion, type QuestionKey } from '../quiz-scoring.ts';
import type { CatalogueActivity, QuestionSpec } from '../catalogue.ts';
import { timeOfDay12, type ScormVersion } from './cmi.ts';
import { utf8Length } from '../utf8.ts';

/**
 * Every question answered and every role-play decision, as SCORM interactions: what was asked,
 * what the learner answered, whether that was right, and what would have been. Worked out from
 * an attempt's raw answers with the activity's catalog entry, then spelled for the LMS's version.
 *
 *   knowledge checks   single, multiple → choice · truefalse → true-false · ordering →
 *                      sequencing · matching → matching; correct only with full credit
 *   personality set    two per situation: the type named (choice among the four types) and the
 *                      approach chosen (choice among the options)
 *   self-assessment    likert, the rating 1–4; neutral, as there is no right answer
 *   role-play          one choice per decision; a "good" line is correct, a "poor" one wrong,
 *                      a "mixed" one neutral; the correct pattern lists the node's good lines
 *
 * Unanswered questions report nothing. Interaction ids are `<activity>.<question>` (a role-play
 * decision: `<scenario>.<node>`), the same on every attempt, so an LMS report groups the attempts
 * at one question together (SCORM's journaling).
 */

/** An option, item or pair: its id and its position as authored (SCORM 1.2 reports positions as letters). */
export interface Token {
  id: string;
  index: number;
}

export type InteractionResponse =
  | { kind: 'ids'; tokens: Token[] }
  | { kind: 'pairs'; pairs: [Token, Token][] }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'rating'; value: number };

export interface Interaction {
  id: string;
  type: 'choice' | 'true-false' | 'sequencing' | 'matching' | 'likert';
  response: InteractionResponse;
  /** Each one a right answer; several mean "any of these". */
  correct: InteractionResponse[];
  result: 'correct' | 'wrong' | 'neutral';
  /** When the attempt was finished (ISO). */
  time: string;
}

const token = (ids: readonly string[], id: string): Token | undefined => {
  const index = ids.indexOf(id);
  return index < 0 ? undefined : { id, index };
};
const tokens = (ids: readonly string[], chosen: readonly string[]): Token[] | undefined => {
  const out = chosen.map((id) => token(ids, id));
  return out.every((t): t is Token => t !== undefined) ? out : undefined;
};
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const stringList = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined);

/** The catalogue's question as scoring reads it: ordering items and matching pairs are id lists there. */
function keyOf(q: QuestionSpec): QuestionKey {
  switch (q.type) {
    case 'ordering':
      return { type: 'ordering', items: q.items.map((id) => ({ id })) };
    case 'matching':
      return { type: 'matching', pairs: q.pairs.map((id) => ({ id })) };
    default:
      return q;
  }
}

function questionInteraction(activityId: string, q: QuestionSpec, r: unknown, time: string): Interaction | undefined {
  const result = scoreQuestion(keyOf(q), r) === 1 ? 'correct' : 'wrong';
  const common = { id: `${activityId}.${q.id}`, result, time } as const;
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const ids = q.options.map((o) => o.id);
      const chosen = typeof r === 'string' ? [r] : stringList(r);
      const response = chosen && chosen.length > 0 ? tokens(ids, [...new Set(chosen)]) : undefined;
      if (!response) return undefined;
      const right = tokens(
        ids,
        q.options.filter((o) => o.correct).map((o) => o.id),
      )!;
      return { ...common, type: 'choice', response: { kind: 'ids', tokens: response }, correct: [{ kind: 'ids', tokens: right }] };
    }
    case 'truefalse':
      return typeof r === 'boolean'
        ? { ...common, type: 'true-false', response: { kind: 'boolean', value: r }, correct: [{ kind: 'boolean', value: q.answer }] }
        : undefined;
    case 'ordering': {
      const order = stringList(r);
      const response = order && order.length > 0 ? tokens(q.items, [...new Set(order)]) : undefined;
      if (!response) return undefined;
      return {
        ...common,
        type: 'sequencing',
        response: { kind: 'ids', tokens: response },
        correct: [{ kind: 'ids', tokens: tokens(q.items, q.items)! }],
      };
    }
    case 'matching': {
      if (!isRecord(r)) return undefined;
      const pairs = Object.entries(r).flatMap(([left, right]): [Token, Token][] => {
        const l = token(q.pairs, left);
        const rt = typeof right === 'string' ? token(q.pairs, right) : undefined;
        return l && rt ? [[l, rt]] : [];
      });
      if (pairs.length === 0) return undefined;
      const right = q.pairs.map((id, index): [Token, Token] => [
        { id, index },
        { id, index },
      ]);
      return { ...common, type: 'matching', response: { kind: 'pairs', pairs }, correct: [{ kind: 'pairs', pairs: right }] };
    }
  }
}

/** The interactions of one finished attempt; none when its answers are missing or of another shape. */
export function attemptInteractions(spec: CatalogueActivity, attempt: Attempt): Interaction[] {
  const time = attempt.finishedAt;
  switch (spec.kind) {
    case 'quiz': {
      const responses = responsesOf(attempt.answers);
      return spec.questions.flatMap((q) => {
        if (!Object.hasOwn(responses, q.id)) return [];
        const interaction = questionInteraction(spec.id, q, responses[q.id], time);
        return interaction ? [interaction] : [];
      });
    }
    case 'classification': {
      const responses = responsesOf(attempt.answers);
      return spec.items.flatMap((item): Interaction[] => {
        const response = itemResponse(responses, item.id);
        const scored = scoreItemKey(item, response);
        const out: Interaction[] = [];
        const named = scored.named === null ? undefined : token(PERSONALITY_TYPES, scored.named);
        if (named) {
          out.push({
            id: `${spec.id}.${item.id}.type`,
            type: 'choice',
            response: { kind: 'ids', tokens: [named] },
            correct: [{ kind: 'ids', tokens: [token(PERSONALITY_TYPES, item.type)!] }],
            result: scored.typeRight ? 'correct' : 'wrong',
            time,
          });
        }
        const served = scored.serve === null ? undefined : token(item.options, scored.serve);
        if (served) {
          const right = item.right === null ? undefined : token(item.options, item.right);
          out.push({
            id: `${spec.id}.${item.id}.serve`,
            type: 'choice',
            response: { kind: 'ids', tokens: [served] },
            correct: right ? [{ kind: 'ids', tokens: [right] }] : [],
            result: scored.serveRight ? 'correct' : 'wrong',
            time,
          });
        }
        return out;
      });
    }
    case 'assessment': {
      const responses = responsesOf(attempt.answers);
      return spec.items.flatMap((item): Interaction[] => {
        const rating = responses[item.id];
        return rating === 1 || rating === 2 || rating === 3 || rating === 4
          ? [
              {
                id: `${spec.id}.${item.id}`,
                type: 'likert',
                response: { kind: 'rating', value: rating },
                correct: [],
                result: 'neutral',
                time,
              },
            ]
          : [];
      });
    }
    case 'scenario': {
      const path = isRecord(attempt.answers) && Array.isArray(attempt.answers['path']) ? attempt.answers['path'] : [];
      return path.flatMap((step): Interaction[] => {
        if (!Array.isArray(step)) return [];
        const node = spec.nodes.find((n) => n.id === step[0]);
        const ids = node?.choices.map((c) => c.id) ?? [];
        const chosen = typeof step[1] === 'string' ? token(ids, step[1]) : undefined;
        if (!node || !chosen) return [];
        const verdict = node.choices[chosen.index]!.verdict;
        return [
          {
            id: `${spec.id}.${node.id}`,
            type: 'choice',
            response: { kind: 'ids', tokens: [chosen] },
            correct: node.choices.flatMap((c, index) =>
              c.verdict === 'good' ? [{ kind: 'ids' as const, tokens: [{ id: c.id, index }] }] : [],
            ),
            result: verdict === 'good' ? 'correct' : verdict === 'poor' ? 'wrong' : 'neutral',
            time,
          },
        ];
      });
    }
  }
}

/** SCORM 1.2 allows only single characters in choice, sequencing and matching responses: a–z, then 0–9, by authored position. */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** SCORM 1.2's fill-in: the ids themselves, as written in the content. */
function fillIn12(r: InteractionResponse): string {
  switch (r.kind) {
    case 'ids':
      return r.tokens.map((t) => t.id).join(',');
    case 'pairs':
      return r.pairs.map(([l, rt]) => `${l.id}.${rt.id}`).join(',');
    case 'boolean':
      return r.value ? 't' : 'f';
    case 'rating':
      return String(r.value);
  }
}

function spell12(r: InteractionResponse): string | undefined {
  const letter = (t: Token) => LETTERS[t.index];
  switch (r.kind) {
    case 'ids': {
      const letters = r.tokens.map(letter);
      return letters.every(Boolean) ? letters.join(',') : undefined;
    }
    case 'pairs': {
      const letters = r.pairs.map(([l, rt]) => (letter(l) && letter(rt) ? `${letter(l)}.${letter(rt)}` : undefined));
      return letters.every(Boolean) ? letters.join(',') : undefined;
    }
    case 'boolean':
      return r.value ? 't' : 'f';
    case 'rating':
      return String(r.value);
  }
}

/**
 * A SCORM 2004 short identifier. The standard allows any URI-safe characters, but LMSs check
 * them as `^[\w.]{1,250}$` (Moodle refuses a hyphen with error 406). Content ids are lowercase
 * words joined by hyphens (`idSchema`), never underscores, so writing each hyphen as an
 * underscore keeps every id distinct and readable: `serve-first` → `serve_first`.
 */
export const shortIdentifier = (id: string): string => id.replaceAll('-', '_');

function spell2004(r: InteractionResponse): string {
  switch (r.kind) {
    case 'ids':
      return r.tokens.map((t) => shortIdentifier(t.id)).join('[,]');
    case 'pairs':
      return r.pairs.map(([l, rt]) => `${shortIdentifier(l.id)}[.]${shortIdentifier(rt.id)}`).join('[,]');
    case 'boolean':
      return String(r.value);
    case 'rating':
      return String(r.value);
  }
}

/** The SetValue calls (element, value), in the order the data model requires, for interaction number `n`. */
export function interactionValues(version: ScormVersion, n: number, i: Interaction, offsetMinutes: number): [string, string][] {
  const at = `cmi.interactions.${n}`;
  if (version === '1.2') {
    const response = spell12(i.response);
    // More than 36 options cannot be spelled in letters: report the ids as a fill-in instead.
    const type = response === undefined ? 'fill-in' : i.type;
    const spell = (r: InteractionResponse) => (response === undefined ? fillIn12(r) : spell12(r)!);
    return [
      [`${at}.id`, i.id],
      [`${at}.type`, type],
      [`${at}.time`, timeOfDay12(i.time, offsetMinutes)],
      ...i.correct.map((c, k): [string, string] => [`${at}.correct_responses.${k}.pattern`, spell(c)]),
      [`${at}.student_response`, spell(i.response)],
      [`${at}.result`, i.result],
    ];
  }
  // No description and no timestamp: some LMSs (Moodle) send every interaction of the attempt
  // again with each save, and their exit save must stay under the 64 KB a closing page may send.
  return [
    [`${at}.id`, i.id],
    [`${at}.type`, i.type],
    ...i.correct.map((c, k): [string, string] => [`${at}.correct_responses.${k}.pattern`, spell2004(c)]),
    [`${at}.learner_response`, spell2004(i.response)],
    [`${at}.result`, i.result === 'wrong' ? 'incorrect' : i.result],
  ];
}

/**
 * SCORM 2004 in some LMSs (Moodle 4.3) costs more than the data model says: the LMS's script
 * posts every interaction of the attempt again with each save, and the save on exit goes out as
 * a browser beacon, which carries 64 KB at most (a multipart form: each value costs about 90
 * bytes of framing besides its name and value). An exit save that does not fit is dropped, and
 * with it the session time, the LMS's total time and the last progress. So in SCORM 2004 the
 * course reports the interactions of the graded activities only (the module quizzes), while their
 * estimated size stays under this budget; the rest of the save (status, score, suspend data,
 * about 10 KB at most for this course) keeps the whole under 64 KB. SCORM 1.2 LMSs send only the
 * values that changed, so 1.2 reports every question and decision.
 */
export const INTERACTION_BUDGET = 48_000;
/** What one interaction costs an LMS that posts it as a form, on average, for interactions already there at launch. */
export const POSTED_INTERACTION_ESTIMATE = 700;

const FORM_FIELD_FRAMING = 90;

/** The bytes these values take in a multipart form post whose field names spell the dots as `__` (as Moodle's do). */
export const postedBytes = (values: readonly (readonly [string, string])[]): number =>
  values.reduce((sum, [element, value]) => sum + FORM_FIELD_FRAMING + element.replaceAll('.', '__').length + 2 + utf8Length(value), 0);
