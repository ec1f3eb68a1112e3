import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { Problem } from './problem.ts';

/** An authored file, parsed but not yet validated. */
export interface RawFile {
  /** Path relative to the project root. */
  file: string;
  /** Parsed YAML (or front matter, for MDX). */
  data: unknown;
}

/** A lesson file: its front matter and its MDX body. */
export interface RawLesson extends RawFile {
  body: string;
  /** The file's line on which the body starts, so a message about the body can name the file's line. */
  bodyLine: number;
}

export interface RawContent {
  course: RawFile | undefined;
  lessons: RawLesson[];
  quizzes: RawFile[];
  /** Personality-classification sets, `content/classifications/*.yaml`. */
  classifications: RawFile[];
  assessments: RawFile[];
  scenarios: RawFile[];
  /** Printable job aids, `content/job-aids/*.yaml`. */
  jobAids: RawFile[];
  /** The glossary, `content/glossary.yaml` (its schema is checked by the content collection). */
  glossary?: RawFile;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

function filesUnder(dir: string, extension: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return filesUnder(path, extension);
      return name.endsWith(extension) ? [path] : [];
    });
}

function parseYaml(text: string, file: string, problems: Problem[]): unknown {
  try {
    return parse(text);
  } catch (error) {
    problems.push({ file, message: `YAML 无法解析：${(error as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

/** Reads every authored file under `<root>/content`; files that cannot even be parsed become problems. */
export function readContent(root: string): { content: RawContent; problems: Problem[] } {
  const problems: Problem[] = [];
  const contentDir = join(root, 'content');
  const rel = (path: string) => relative(root, path).split('\\').join('/');

  const readYamlDir = (name: string): RawFile[] =>
    filesUnder(join(contentDir, name), '.yaml').flatMap((path) => {
      const data = parseYaml(readFileSync(path, 'utf8'), rel(path), problems);
      return data === undefined ? [] : [{ file: rel(path), data }];
    });

  let course: RawFile | undefined;
  const coursePath = join(contentDir, 'course.yaml');
  try {
    const data = parseYaml(readFileSync(coursePath, 'utf8'), rel(coursePath), problems);
    if (data !== undefined) course = { file: rel(coursePath), data };
  } catch {
    problems.push({ file: 'content/course.yaml', message: '找不到课程文件 course.yaml' });
  }

  const lessons = filesUnder(join(contentDir, 'lessons'), '.mdx').flatMap((path): RawLesson[] => {
    const text = readFileSync(path, 'utf8');
    const match = FRONT_MATTER.exec(text);
    if (!match) {
      problems.push({ file: rel(path), message: '文件开头缺少 --- 包围的 front matter' });
      return [];
    }
    // A leading newline stands for the opening `---`, so YAML's line numbers match the file's.
    const data = parseYaml(`\n${match[1] ?? ''}`, rel(path), problems);
    const bodyLine = match[0].split('\n').length;
    return data === undefined ? [] : [{ file: rel(path), data, body: text.slice(match[0].length), bodyLine }];
  });

  const glossaryPath = join(contentDir, 'glossary.yaml');
  let glossary: RawFile | undefined;
  try {
    const data = parseYaml(readFileSync(glossaryPath, 'utf8'), rel(glossaryPath), problems);
    if (data !== undefined) glossary = { file: rel(glossaryPath), data };
  } catch {
    // A course without a glossary is allowed: /glossary/ is then empty.
  }

  return {
    content: {
      course,
      lessons,
      quizzes: readYamlDir('quizzes'),
      classifications: readYamlDir('classifications'),
      assessments: readYamlDir('assessments'),
      scenarios: readYamlDir('scenarios'),
      jobAids: readYamlDir('job-aids'),
      ...(glossary ? { glossary } : {}),
    },
    problems,
  };
}
