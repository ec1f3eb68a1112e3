import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// UI words live in src/i18n/ under typed keys; pages, layouts and components look them up. Left
// out: the diagrams, whose labels are course content from the decks, and errors that stop the
// build for an author. Punctuation that joins pieces (：、；（）) is not a word and may stay.
const ROOTS = ['src/pages', 'src/layouts', 'src/components'];
const CONTENT = /^src\/components\/diagrams\//;
const HAN = /[\u3400-\u9fff]/;
const COMMENT = /^\s*(\/\/|\*|\/\*|<!--)/;

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

describe('UI strings', () => {
  it('are not written into pages, layouts or components', () => {
    const found = ROOTS.flatMap(files)
      .map((file) => file.split('\\').join('/'))
      .filter((file) => /\.(astro|svelte|ts)$/.test(file) && !CONTENT.test(file))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            HAN.test(line) && !COMMENT.test(line) && !line.includes('throw new Error(') ? [`${file}:${i + 1}: ${line.trim()}`] : [],
          ),
      );
    expect(found).toEqual([]);
  });
});
