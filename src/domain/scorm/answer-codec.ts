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
 */

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

function writeResponse(w: ByteWriter, q: QuestionSpec, present: boolean, r: unknown): void {
  if (!present) return void w.uint(0);
  switch (q.type) {
    case 'single':
      return void w.uint(1 + indexIn(ids(q), r));
    case 'truefalse':
      return void w.uint(r === false ? 1 : r === true ? 2 : fail());
    case 'multiple': {
      let mask = 0;
      for (const id of distinctIds(r)) mask += 2 ** indexIn(ids(q), id);
      return void w.uint(1 + mask);
    }
    case 'ordering': {
      const order = distinctIds(r);
      w.uint(1 + order.length);
      return void order.forEach((id) => w.uint(indexIn(q.items, id)));
    }
    case 'matching': {
      if (!isRecord(r)) return fail();
      const entries = Object.entries(r);
      w.uint(1 + entries.length);
      for (const [left, right] of entries) w.uint(indexIn(q.pairs, left)).uint(indexIn(q.pairs, right));
    }
  }
}

function readResponse(r: ByteReader, q: QuestionSpec): JsonValue | undefined {
  const code = r.uint();
  if (code === 0) return undefined;
  const at = (list: readonly string[], i: number): string => list[i] ?? fail();
  switch (q.type) {
    case 'single':
      return at(ids(q), code - 1);
    case 'truefalse':
      return code === 1 ? false : code === 2 ? true : fail();
    case 'multiple':
      return ids(q).filter((_, i) => Math.floor((code - 1) / 2 ** i) % 2 === 1);
    case 'ordering':
      return Array.from({ length: code - 1 }, () => at(q.items, r.uint()));
    case 'matching': {
      const out: Json = {};
      for (let n = 0; n < code - 1; n++) {
        const left = at(q.pairs, r.uint());
        out[left] = at(q.pairs, r.uint());
      }
      return out;
    }
  }
}

const ids = (q: QuestionSpec & { options: { id: string }[] }): string[] => q.options.map((o) => o.id);

/** Encodes raw answers against the activity; undefined when they cannot be carried exactly. */
export function encodeAnswers(spec: CatalogueActivity, answers: JsonValue): Uint8Array | undefined {
  const w = new ByteWriter();
  try {
    writeAnswers(w, spec, answers);
  } catch (error) {
    if (error instanceof NotEncodable || error instanceof RangeError) return undefined;
    throw error;
  }
  return w.toBytes();
}

function writeAnswers(w: ByteWriter, spec: CatalogueActivity, answers: JsonValue): void {
  if (!isRecord(answers)) return fail();
  switch (spec.kind) {
    case 'quiz': {
      const { seed, responses } = answers;
      if (!hasOnlyKeys(answers, ['seed', 'responses']) || !isSeed(seed) || !isRecord(responses)) return fail();
      if (!Object.keys(responses).every((id) => spec.questions.some((q) => q.id === id))) return fail();
      w.uint(seed);
      for (const q of spec.questions) writeResponse(w, q, Object.hasOwn(responses, q.id), responses[q.id]);
      return;
    }
    case 'classification': {
      const { seed, responses } = answers;
      if (!hasOnlyKeys(answers, ['seed', 'responses']) || !isSeed(seed) || !isRecord(responses)) return fail();
      if (!Object.keys(responses).every((id) => spec.items.some((i) => i.id === id))) return fail();
      w.uint(seed);
      for (const item of spec.items) {
        if (!Object.hasOwn(responses, item.id)) {
          w.uint(0);
          continue;
        }
        const r = responses[item.id];
        if (!isRecord(r) || !hasOnlyKeys(r, ['type', 'serve'])) return fail();
        const type = r['type'] === undefined ? 0 : 1 + indexIn(PERSONALITY_TYPES, r['type']);
        const serve = r['serve'] === undefined ? 0 : 1 + indexIn(item.options, r['serve']);
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
        w.uint(nodeIndex).uint(
          indexIn(
            spec.nodes[nodeIndex]!.choices.map((c) => c.id),
            step[1],
          ),
        );
      }
      w.uint(indexIn(spec.endings, ending));
      return;
    }
  }
}

/** Decodes answers written by `encodeAnswers` against the same catalog entry; undefined if they do not fit it. */
export function decodeAnswers(spec: CatalogueActivity, bytes: ByteReader): JsonValue | undefined {
  try {
    return readAnswers(spec, bytes);
  } catch (error) {
    if (error instanceof NotEncodable || error instanceof RangeError) return undefined;
    throw error;
  }
}

function readAnswers(spec: CatalogueActivity, r: ByteReader): JsonValue {
  switch (spec.kind) {
    case 'quiz': {
      const seed = r.uint();
      const responses: Json = {};
      for (const q of spec.questions) {
        const response = readResponse(r, q);
        if (response !== undefined) responses[q.id] = response;
      }
      return { seed, responses };
    }
    case 'classification': {
      const seed = r.uint();
      const responses: Json = {};
      for (const item of spec.items) {
        const code = r.uint();
        if (code === 0) continue;
        const type = (code - 1) % 5;
        const serve = Math.floor((code - 1) / 5);
        const response: Json = {};
        if (type > 0) response['type'] = PERSONALITY_TYPES[type - 1] ?? fail();
        if (serve > 0) response['serve'] = item.options[serve - 1] ?? fail();
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
        const choice = node.choices[r.uint()] ?? fail();
        path.push([node.id, choice.id]);
      }
      const ending = spec.endings[r.uint()] ?? fail();
      return { mode: head % 2 === 1 ? 'test' : 'practice', path, ending };
    }
  }
}
