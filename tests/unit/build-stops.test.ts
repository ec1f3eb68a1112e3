import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { contentChecks } from '../../src/integrations/content/index.ts';

// The content-checks integration is what makes `astro build` stop: run its hook on a copy of
// the real course with one lesson broken, and read what the author would read.
const LESSON = 'content/lessons/mindset/01-selling-starts-with-service.mdx';
let root: string;

function copyOfCourse(): string {
  root = mkdtempSync(join(tmpdir(), 'course-'));
  cpSync('content', join(root, 'content'), { recursive: true });
  return root;
}

function breakLesson(edit: (frontMatter: string) => string): void {
  const path = join(root, LESSON);
  const text = readFileSync(path, 'utf8');
  const end = text.indexOf('\n---', 4);
  writeFileSync(path, edit(text.slice(0, end)) + text.slice(end));
}

function build(): void {
  const hook = contentChecks().hooks['astro:config:setup'] as unknown as (options: unknown) => void;
  hook({ config: { root: pathToFileURL(`${root}/`) }, command: 'build' });
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

// Each test reads, parses and checks the whole course: allow for a loaded machine.
describe('astro build stops on a broken lesson and says where and why', { timeout: 30_000 }, () => {
  it('builds the real course without a word', () => {
    copyOfCourse();
    expect(build).not.toThrow();
  });

  it('stops on a missing title', () => {
    copyOfCourse();
    breakLesson((fm) => fm.replace(/^title: .*\n/m, ''));
    expect(build).toThrow(`${LESSON} › title: 缺少必填字段（应为文字）`);
  });

  it('stops on an unknown module, listing the modules there are', () => {
    copyOfCourse();
    breakLesson((fm) => fm.replace(/^module: mindset$/m, 'module: mindsets'));
    expect(build).toThrow(/module: 模块 "mindsets" 不在 course\.yaml 中（现有模块：mindset、economics、/);
  });

  it('stops on a topic that is not in the course outline', () => {
    copyOfCourse();
    breakLesson((fm) => fm.replace(/^topics: \[1\.1\]$/m, 'topics: [1.1, 9.9]'));
    expect(build).toThrow(`${LESSON} › topics[1]: "9.9" 不是课程大纲中的主题编号（见 course.yaml 各模块的 topics）`);
  });
});
