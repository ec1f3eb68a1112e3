import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';

/**
 * A course of `lessons` lessons for the bench, written under `<root>/content` (build it with
 * `COURSE_ROOT=<root>`): the shipped course, then copies of its lessons, each with a copy of its
 * knowledge check, until there are enough. Copies keep their module, so modules (and their
 * presentations) grow as a real course's would; activities a lesson shares (role-plays, the
 * personality set) stay shared. `content/` itself is only read.
 */
export function generateCourse(projectRoot: string, root: string, lessons: number): { lessons: number; quizzes: number } {
  const from = join(projectRoot, 'content');
  const to = join(root, 'content');
  cpSync(from, to, { recursive: true });
  const originals = readdirSync(join(from, 'lessons'), { recursive: true })
    .map(String)
    .filter((path) => path.endsWith('.mdx'))
    .sort();
  let count = originals.length;
  let quizzes = 0;
  for (let copy = 2; count < lessons; copy++) {
    for (const path of originals) {
      if (count >= lessons) break;
      const text = readFileSync(join(from, 'lessons', path), 'utf8');
      const end = text.indexOf('\n---', 4);
      const meta = parse(text.slice(4, end)) as Record<string, unknown> & { id: string; title: string; order: number };
      const rename = (id: string) => (id === `kc-${meta.id}` ? `kc-${meta.id}-${copy}` : id);
      const newId = `${meta.id}-${copy}`;
      const activities = ((meta['activities'] as string[] | undefined) ?? []).map(rename);
      const required = ((meta['requiredActivities'] as string[] | undefined) ?? []).map(rename);
      const front = {
        ...meta,
        id: newId,
        title: `${meta.title}（${copy}）`,
        order: meta.order + 100 * (copy - 1),
        activities,
        requiredActivities: required,
      };
      const body = text.slice(end + 4).replaceAll(`id="kc-${meta.id}"`, `id="kc-${meta.id}-${copy}"`);
      const target = join(to, 'lessons', dirname(path), basename(path).replace(/\.mdx$/, `-${copy}.mdx`));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `---\n${stringify(front)}---${body}`);
      count++;

      const quizFile = join(from, 'quizzes', `kc-${meta.id}.yaml`);
      let quiz: Record<string, unknown> & { title: string };
      try {
        quiz = parse(readFileSync(quizFile, 'utf8')) as typeof quiz;
      } catch {
        continue;
      }
      writeFileSync(join(to, 'quizzes', `kc-${newId}.yaml`), stringify({ ...quiz, id: `kc-${newId}`, title: `${quiz.title}（${copy}）` }));
      quizzes++;
    }
  }
  return { lessons: count, quizzes };
}
