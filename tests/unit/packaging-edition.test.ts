import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { editionSite } from '../../src/packaging/edition-site.ts';

const SWITCH =
  '<nav class="script-switch" aria-label="简体或繁体"><a href="/lessons/a/" hreflang="zh-CN">简</a><a href="/zh-hant/lessons/a/" hreflang="zh-Hant">繁</a></nav>';
const ALTERNATES =
  '<link rel="alternate" hreflang="zh-CN" href="/lessons/a/"><link rel="alternate" hreflang="zh-Hant" href="/zh-hant/lessons/a/">';

/** A built site with both editions, as the build leaves `dist/`. */
const BUILT: Record<string, string> = {
  'lessons/a/index.html': `<html lang="zh-CN"><head>${ALTERNATES}</head><body>${SWITCH}<a href="/me/">我的学习</a><script type="module" src="/_astro/Player.B.js"></script></body></html>`,
  'zh-hant/lessons/a/index.html': `<html lang="zh-Hant"><head>${ALTERNATES}</head><body>${SWITCH}<a href="/zh-hant/me/">我的學習</a><script type="module" src="/zh-hant/_astro/Player.B.js"></script></body></html>`,
  '_astro/Player.B.js': 'import"./score.A.js";import"./progress.C.js";',
  '_astro/score.A.js': 'export const n=`说“谢谢”`;',
  '_astro/progress.C.js': 'export const p=1;',
  'zh-hant/_astro/Player.B.js': 'import"./score.A.js";import"../../_astro/progress.C.js";',
  'zh-hant/_astro/score.A.js': 'export const n=`說“謝謝”`;',
  'catalogue.json': '{"course":{"title":"客服课堂"}}',
  'zh-hant/catalogue.json': '{"course":{"title":"客服課堂"}}',
};

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function built(): string {
  const dist = mkdtempSync(join(tmpdir(), 'edition-dist-'));
  made.push(dist);
  for (const [path, text] of Object.entries(BUILT)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  return dist;
}

function read(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'utf8')]),
  );
}

describe('one edition laid out for an LMS package', () => {
  it('Traditional: the edition’s files at the root, its links and script copies without the prefix, no switch', () => {
    const site = editionSite(built(), 'hant');
    made.push(site.dir);
    const files = read(site.dir);
    expect(Object.keys(files).sort()).toEqual([
      '_astro/Player.B.js',
      '_astro/progress.C.js',
      '_astro/score.A.js',
      'catalogue.json',
      'lessons/a/index.html',
    ]);
    expect(files['lessons/a/index.html']).toBe(
      '<html lang="zh-Hant"><head></head><body><a href="/me/">我的學習</a><script type="module" src="/_astro/Player.B.js"></script></body></html>',
    );
    expect(files['_astro/Player.B.js']).toBe('import"./score.A.js";import"./progress.C.js";');
    expect(files['_astro/score.A.js']).toContain('說“謝謝”');
    expect(files['catalogue.json']).toContain('客服課堂');
  });

  it('Simplified: the Simplified site without the Traditional folder or the switch', () => {
    const site = editionSite(built(), 'hans');
    made.push(site.dir);
    const files = read(site.dir);
    expect(Object.keys(files).some((path) => path.startsWith('zh-hant'))).toBe(false);
    expect(files['lessons/a/index.html']).not.toContain('hreflang');
    expect(files['_astro/score.A.js']).toContain('说“谢谢”');
  });
});
