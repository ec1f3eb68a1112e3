import type { ItemResponse } from '../../../domain/classification-scoring.ts';

/** A classification run in progress: where the learner is, and the items already checked. */
export interface ClassificationDraft {
  version: string;
  seed: number;
  startedAt: string;
  /** Position in the attempt's item order. */
  index: number;
  responses: Record<string, ItemResponse>;
  /** Items whose feedback has been shown; their answers are final. */
  checked: string[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isClassificationDraft = (v: unknown): v is ClassificationDraft =>
  isObj(v) &&
  typeof v['version'] === 'string' &&
  typeof v['seed'] === 'number' &&
  typeof v['startedAt'] === 'string' &&
  Number.isInteger(v['index']) &&
  (v['index'] as number) >= 0 &&
  isObj(v['responses']) &&
  Array.isArray(v['checked']) &&
  v['checked'].every((x) => typeof x === 'string');
