// `npm run check:content`: the build's content checks, plus completeness rules that only matter
// once the course is written (every outline topic taught, copycheck clean).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../integrations/content/check-content.ts';
import { courseRoot } from '../integrations/content/content-root.ts';
import { courseCompleteness } from '../integrations/content/completeness.ts';
import { formatProblems } from '../integrations/content/problem.ts';
import { readContent } from '../integrations/content/read-content.ts';

const root = process.cwd();
const read = readContent(courseRoot(root));
const { problems, checked } = checkContent(read.content);
const all = [...read.problems, ...problems, ...courseCompleteness(checked)];

const copycheck = join(root, '..', 'shared', 'tools', 'copycheck');
let copyFailed = false;
if (existsSync(copycheck)) {
  const run = spawnSync(copycheck, ['content'], { cwd: root, encoding: 'utf8' });
  const summary = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0) {
    copyFailed = true;
    console.error(run.stdout.trim());
  } else {
    console.log(`copycheck: ${summary}`);
  }
} else {
  console.log('copycheck: ../shared/tools/copycheck not found beside the project; skipped');
}

if (all.length > 0) console.error(formatProblems(all));
const lessons = checked.lessons.length;
console.log(
  `${lessons} lessons, ${checked.activityIds.size} activities checked; ${all.length} problems${copyFailed ? ', copied text found' : ''}.`,
);
process.exit(all.length > 0 || copyFailed ? 1 : 0);
