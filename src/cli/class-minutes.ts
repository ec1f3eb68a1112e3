// `npm run class-minutes`: each lesson's classMinutes, computed as the sum of the timings its
// trainer notes state ("约 3 分钟"), beside what the front matter says. `-- --write` writes the
// computed value into every lesson whose notes state timings (after its `minutes:` line).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { notesMinutes } from '../domain/present/note-timing.ts';
import { notesIn } from '../integrations/content/lesson-body.ts';
import { readContent } from '../integrations/content/read-content.ts';

const root = process.cwd();
const write = process.argv.includes('--write');
const { content, problems } = readContent(root);
if (problems.length > 0) {
  console.error('Some content files cannot be read; run npm run check:content first.');
  process.exit(1);
}

let changed = 0;
for (const { file, data, body } of content.lessons) {
  const meta = data as { minutes?: unknown; classMinutes?: unknown };
  const noted = notesMinutes(notesIn(body));
  const stated = typeof meta.classMinutes === 'number' ? meta.classMinutes : undefined;
  const mark = noted === stated ? ' ' : '*';
  console.log(
    `${mark} ${String(noted ?? '—').padStart(3)}  (now ${String(stated ?? '—').padStart(3)}, self-paced ${String(meta.minutes).padStart(2)})  ${file}`,
  );
  if (!write || noted === undefined || noted === stated) continue;
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const line = `classMinutes: ${noted}`;
  const next = /^classMinutes:.*$/m.test(text) ? text.replace(/^classMinutes:.*$/m, line) : text.replace(/^(minutes:.*)$/m, `$1\n${line}`);
  if (next === text) {
    console.error(`  could not place classMinutes in ${file}`);
    continue;
  }
  writeFileSync(path, next);
  changed++;
}
console.log(write ? `${changed} lessons updated.` : 'Lessons marked * differ; add -- --write to set classMinutes from the notes.');
