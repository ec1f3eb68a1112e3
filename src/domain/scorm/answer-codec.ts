import type { JsonValue } from '../progress/events.ts';
import { PERSONALITY_TYPES } from '../classification-scoring.ts';
import { ByteWriter, type ByteReader } from './bytes.ts';
import type { CatalogueActivity, QuestionSpec } from '../catalogue.ts';

/**
 * Raw answers as indices into the activity's catalog entry, a byte or two per question. Each
 * activity kind's answers have one shape (see `quiz-scoring.ts`, `classification-scoring.ts`,
 * `communication-style.ts`, `scenario/run-record.ts`); answers of another shape, or naming an id
 * the catalog lacks, are not encodable and come back as `undefined`: the attempt then travels
 * without its answers rather than with altered ones.
 *
 * One liberty is taken: a multiple-choice response is a set, so its options come back in
 * authored order, not the order the learner ticked them.
 *
 * Two codings of the same indices. `absolute` (suspend-data format 1) writes an option's position
 * as it is. `relative` (format 2) writes it counted from the right answer, modulo the list's
 * length: the right option of a single choice, the right answer of true/false, a multiple choice
 * with exactly the right options, an ordering's item in its right place, a matched pair, a
 * personality type and service option that fit, a role-play line the method calls good — each is
 * a 0 (a set bit cleared). A learner gets most answers right, so the bytes repeat and deflate
 * squeezes them to a bit or two a question. Both codings carry exactly the same answers.
 */

export type AnswerCoding = 'absolute' | 'relative';

type Json = { [key: string]: JsonValue };
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasOnlyKeys = (v: Json, keys: readonly string[]) => Object.keys(v).every((k) => keys.includes(k));
const isSeed = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

class NotEncodable extends Error {}
const fail = (): never => {
  throw new NotEncodable();
};

/** Position of `id` in `ids`, or fail. */
const indexIn = (ids: readonly string[], id: unknown): number => {
  const i = typeof id === 'string' ? ids.indexOf(id) : -1;
  return i < 0 ? fail() : i;
};

const distinctIds = (v: unknown): string[] => {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string') || new Set(v).size !== v.length) return fail();
  return v as string[];
};

/** Position `i` of a list of `n`, counted from `ref` (relative coding) or as it is. */
const from = (rel: boolean, i: number, ref: number, n: number): number => (rel && n > 0 ? (((i - ref) % n) + n) % n : i);
/** The inverse of `from`. */
const back = (rel: boolean, c: number, ref: number, n: number): number => (rel && n > 0 ? (c + ref) % n : c);

/** The mask of the right options of a multiple choice (bit i: option i). */
const rightMask = (q: QuestionSpec & { options: { correct: boolean }[] }): number =>
  q.options.reduce((mask, o, i) => (o.correct ? mask + 2 ** i : mask), 0);
/** XOR of two masks of at most 53 bits. */
const xor = (a: number, b: number): number => Number(BigInt(a) ^ BigInt(b));

function writeResponse(w: ByteWriter, q: QuestionSpec, present: boolean, r: unknown, rel: boolean): void {
  if (!present) return void w.uint(0);
  switch (q.type) {
    case 'single': {
      const right = Math.max(
        0,
        q.options.findIndex((o) => o.correct),
      );
      return void w.uint(1 + from(rel, indexIn(ids(q), r), right, q.options.length));
    }
    case 'truefalse': {
      if (typeof r !== 'boolean') return fail();
      return void w.uint(rel ? (r === q.answer ? 1 : 2) : r ? 2 : 1);
    }
    case 'multiple': {
      let mask = 0;
      for (const id of distinctIds(r)) mask += 2 ** indexIn(ids(q), id);
      return void w.uint(1 + (rel ? xor(mask, rightMask(q)) : mask));
    }
    case 'ordering': {
      const order = distinctIds(r);
      w.uint(1 + order.length);
      return void order.forEach((id, k) => w.uint(from(rel, indexIn(q.items, id), k, q.items.length)));
    }
    case 'matching': {
      if (!isRecord(r)) return fail();
      const entries = Object.entries(r);
      w.uint(1 + entries.length);
      const n = q.pairs.length;
      entries.forEach(([left, right], k) => {
        const l = indexIn(q.pairs, left);
        w.uint(from(rel, l, k, n)).uint(from(rel, indexIn(q.pairs, right), l, n));
      });
    }
  }
}

function readResponse(r: ByteReader, q: QuestionSpec, rel: boolean): JsonValue | undefined {
  const code = r.uint();
  if (code === 0) return undefined;
  const at = (list: readonly string[], i: number): string => list[i] ?? fail();
  switch (q.type) {
    case 'single': {
      const right = Math.max(
        0,
        q.options.findIndex((o) => o.correct),
      );
      return at(ids(q), back(rel, code - 1, right, q.options.length));
    }
    case 'truefalse':
      if (code !== 1 && code !== 2) return fail();
      return rel ? (code === 1) === q.answer : code === 2;
    case 'multiple': {
      if (code - 1 >= 2 ** q.options.length) return fail();
      const mask = rel ? xor(code - 1, rightMask(q)) : code - 1;
      return ids(q).filter((_, i) => Math.floor(mask / 2 ** i) % 2 === 1);
    }
    case 'ordering':
      return Array.from({ length: code - 1 }, (_, k) => at(q.items, back(rel, r.uint(), k, q.items.length)));
    case 'matching': {
      const out: Json = {};
      const n = q.pairs.length;
      for (let k = 0; k < code - 1; k++) {
        const l = back(rel, r.uint(), k, n);
        const left = at(q.pairs, l);
        out[left] = at(q.pairs, back(rel, r.uint(), l, n));
      }
      return out;
    }
  }
}

const ids = (q: QuestionSpec & { options: { id: string }[] }): string[] => q.options.map((o) => o.id);
/** The service option that fits the situation's type (0 if none does). */
const rightOption = (item: { options: string[]; right: string | null }): number =>
  Math.max(0, item.right === null ? 0 : item.options.indexOf(item.right));
/** The first line the method calls good (0 if none is). */
const goodChoice = (choices: readonly { verdict: string }[]): number =>
  Math.max(
    0,
    choices.findIndex((c) => c.verdict === 'good'),
  );

/**
 * A shuffle seed: a varint (absolute coding), or (relative coding) its low 32 bits in four bytes
 * and the rest as a varint — the islands draw 32-bit seeds, which take five bytes as varints.
 */
function writeSeed(w: ByteWriter, seed: number, rel: boolean): void {
  if (!rel) return void w.uint(seed);
  w.fixed32(seed % 2 ** 32).uint(Math.floor(seed / 2 ** 32));
}
const readSeed = (r: ByteReader, rel: boolean): number => (rel ? r.fixed32() + r.uint() * 2 ** 32 : r.uint());

/** Encodes raw answers against the activity; undefined when they cannot be carried exactly. */
export function encodeAnswers(spec: CatalogueActivity, answers: JsonValue, coding: AnswerCoding = 'relative'): Uint8Array | undefined {
  const w = new ByteWriter();
  try {
    writeAnswers(w, spec, answers, coding === 'relative');
  } catch (error) {
    if (error instanceof NotEncodable || error instanceof RangeError) return undefined;
    throw error;
  }
  return w.toBytes();
}

function writeAnswers(w: ByteWriter, spec: CatalogueActivity, answers: JsonValue, rel: boolean): void {
  if (!isRecord(answers)) return fail();
  switch (spec.kind) {
    case 'quiz': {
      const { seed, responses } = answers;
      if (!hasOnlyKeys(answers, ['seed', 'responses']) || !isSeed(seed) || !isRecord(responses)) return fail();
      if (!Object.keys(responses).every((id) => spec.questions.some((q) => q.id === id))) return fail();
      writeSeed(w, seed, rel);
      for (const q of spec.questions) writeResponse(w, q, Object.hasOwn(responses, q.id), responses[q.id], rel);
      return;
    }
    case 'classification': {
      const { seed, responses } = answers;
      if (!hasOnlyKeys(answers, ['seed', 'responses']) || !isSeed(seed) || !isRecord(responses)) return fail();
      if (!Object.keys(responses).every((id) => spec.items.some((i) => i.id === id))) return fail();
      writeSeed(w, seed, rel);
      for (const item of spec.items) {
        if (!Object.hasOwn(responses, item.id)) {
          w.uint(0);
          continue;
        }
        const r = responses[item.id];
        if (!isRecord(r) || !hasOnlyKeys(r, ['type', 'serve'])) return fail();
        const type =
          r['type'] === undefined ? 0 : 1 + from(rel, indexIn(PERSONALITY_TYPES, r['type']), PERSONALITY_TYPES.indexOf(item.type), 4);
        const serve =
          r['serve'] === undefined ? 0 : 1 + from(rel, indexIn(item.options, r['serve']), rightOption(item), item.options.length);
        w.uint(1 + type + 5 * serve);
      }
      return;
    }
    case 'assessment': {
      const { responses } = answers;
      if (!hasOnlyKeys(answers, ['responses']) || !isRecord(responses)) return fail();
      if (!Object.keys(responses).every((id) => spec.items.some((i) => i.id === id))) return fail();
      for (const item of spec.items) {
        const r = Object.hasOwn(responses, item.id) ? responses[item.id] : 0;
        w.uint(r === 0 ? 0 : r === 1 || r === 2 || r === 3 || r === 4 ? r : fail());
      }
      return;
    }
    case 'scenario': {
      const { mode, path, ending } = answers;
      if (!hasOnlyKeys(answers, ['mode', 'path', 'ending']) || (mode !== 'practice' && mode !== 'test') || !Array.isArray(path))
        return fail();
      w.uint(path.length * 2 + (mode === 'test' ? 1 : 0));
      for (const step of path) {
        if (!Array.isArray(step) || step.length !== 2) return fail();
        const nodeIndex = indexIn(
          spec.nodes.map((n) => n.id),
          step[0],
        );
        const choices = spec.nodes[nodeIndex]!.choices;
        w.uint(nodeIndex).uint(
          from(
            rel,
            indexIn(
              choices.map((c) => c.id),
              step[1],
            ),
            goodChoice(choices),
            choices.length,
          ),
        );
      }
      w.uint(indexIn(spec.endings, ending));
      return;
    }
  }
}

/** Decodes answers written by `encodeAnswers` against the same catalog entry; undefined if they do not fit it. */
export function decodeAnswers(spec: CatalogueActivity, bytes: ByteReader, coding: AnswerCoding = 'relative'): JsonValue | undefined {
  try {
    return readAnswers(spec, bytes, coding === 'relative');
  } catch (error) {
    if (error instanceof NotEncodable || error instanceof RangeError) return undefined;
    throw error;
  }
}

function readAnswers(spec: CatalogueActivity, r: ByteReader, rel: boolean): JsonValue {
  switch (spec.kind) {
    case 'quiz': {
      const seed = readSeed(r, rel);
      const responses: Json = {};
      for (const q of spec.questions) {
        const response = readResponse(r, q, rel);
        if (response !== undefined) responses[q.id] = response;
      }
      return { seed, responses };
    }
    case 'classification': {
      const seed = readSeed(r, rel);
      const responses: Json = {};
      for (const item of spec.items) {
        const code = r.uint();
        if (code === 0) continue;
        const type = (code - 1) % 5;
        const serve = Math.floor((code - 1) / 5);
        const response: Json = {};
        if (type > 0) response['type'] = PERSONALITY_TYPES[back(rel, type - 1, PERSONALITY_TYPES.indexOf(item.type), 4)] ?? fail();
        if (serve > 0) response['serve'] = item.options[back(rel, serve - 1, rightOption(item), item.options.length)] ?? fail();
        responses[item.id] = response;
      }
      return { seed, responses };
    }
    case 'assessment': {
      const responses: Json = {};
      for (const item of spec.items) {
        const rating = r.uint();
        if (rating > 4) fail();
        if (rating > 0) responses[item.id] = rating;
      }
      return { responses };
    }
    case 'scenario': {
      const head = r.uint();
      const path: JsonValue[] = [];
      for (let n = 0; n < Math.floor(head / 2); n++) {
        const node = spec.nodes[r.uint()] ?? fail();
        const choice = node.choices[back(rel, r.uint(), goodChoice(node.choices), node.choices.length)] ?? fail();
        path.push([node.id, choice.id]);
      }
      const ending = spec.endings[r.uint()] ?? fail();
      return { mode: head % 2 === 1 ? 'test' : 'practice', path, ending };
    }
  }
}
