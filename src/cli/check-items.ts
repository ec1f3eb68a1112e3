// `npm run check:items [-- <project root>] [--written-order]`: how far test-taking heuristics get on the course's
// knowledge checks, module quizzes and personality sets (src/domain/item-heuristics.ts). Exits 1
// when a heuristic clearly beats chance. The same check runs in `npm test`
// (tests/unit/assessment-heuristics.test.ts); this prints it for any checkout.
import { formatHeuristics, measureHeuristics } from '../domain/item-heuristics.ts';
import { classificationSchema } from '../schemas/classification.ts';
import { quizSchema } from '../schemas/quiz.ts';
import { readContent } from '../integrations/content/read-content.ts';

// --written-order also measures position rules on shuffled quizzes, in the order written.
const args = process.argv.slice(2);
const writtenOrder = args.includes('--written-order');
const root = args.find((a) => !a.startsWith('--')) ?? process.cwd();
const { content } = readContent(root);
const quizzes = content.quizzes.flatMap((f) => {
  const parsed = quizSchema.safeParse(f.data);
  return parsed.success ? [parsed.data] : [];
});
const classifications = content.classifications.flatMap((f) => {
  const parsed = classificationSchema.safeParse(f.data);
  return parsed.success ? [parsed.data] : [];
});
const figures = measureHeuristics({ quizzes, classifications }, { writtenOrder });
console.log(formatHeuristics(figures));
const flagged = figures.filter((f) => f.flagged).length;
console.log(`${quizzes.length} quizzes, ${classifications.length} classification sets; ${flagged} heuristics beat chance.`);
process.exit(flagged > 0 ? 1 : 0);
