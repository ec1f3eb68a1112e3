import { ratingOf } from '../domain/review/credit.ts';
import { append } from './progress.ts';

/**
 * Records one answered item of the daily review in the progress log. The schedule is never stored:
 * the review page and the home page replay the log through FSRS (`src/domain/review/`).
 */
export function recordReview(itemId: string, credit: number): void {
  append({ type: 'review', itemId, rating: ratingOf(credit), correct: credit >= 1 });
}
