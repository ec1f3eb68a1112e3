import type { Classification } from '../schemas/classification.ts';
import { seededShuffle } from './seeded-shuffle.ts';

/** How one situation is shown in an attempt: its id and its options' ids in display order. */
export interface ItemView {
  id: string;
  order: string[];
}

/** Order of the situations and of their options for the attempt with this seed (see quiz-layout.ts). */
export function classificationLayout(set: Pick<Classification, 'items' | 'shuffle'>, seed: number): ItemView[] {
  const items = set.shuffle ? seededShuffle(set.items, seed, 'items') : [...set.items];
  return items.map((item) => {
    const ids = item.options.map((o) => o.id);
    return { id: item.id, order: set.shuffle ? seededShuffle(ids, seed, `options:${item.id}`) : ids };
  });
}
