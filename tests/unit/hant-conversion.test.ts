import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HANT_EXCEPTIONS, HANT_OVERRIDES } from '../../src/i18n/hant-overrides.ts';
import { editionPaths } from '../../src/i18n/editions.ts';
import { convertHtml, type HantPage } from '../../src/integrations/hant/convert-html.ts';
import { convertScripts } from '../../src/integrations/hant/convert-scripts.ts';
import { hantConverter } from '../../src/integrations/hant/convert-text.ts';
import { simplifiedLeft, simplifiedOnlyCharacters } from '../../src/integrations/hant/simplified-left.ts';

// One converter for the file, as the build makes one: OpenCC loads its dictionaries once.
const convert = hantConverter();

/** URLs as the edition writer maps them: pages move under /zh-hant/, shared files stay. */
const page: HantPage = {
  convert,
  url: (url) => (url.startsWith('/_astro/') || url.startsWith('/icons/') ? url : `/zh-hant${url}`),
};

describe('the Traditional converter', () => {
  it.each([
    ['客户投诉', '客戶投訴'],
    ['服务营销', '服務營銷'],
    ['后来她把头发剪短了', '後來她把頭髮剪短了'],
    ['终身价值', '終身價值'],
    ['八步法：说“谢谢”', '八步法：說“謝謝”'],
    ['为错误道歉', '為錯誤道歉'],
  ])('writes %s as %s (Taiwan standard forms)', (simplified, traditional) => {
    expect(convert(simplified)).toBe(traditional);
  });

  it.each(HANT_OVERRIDES.map((o) => [o.simplified, o] as const))('applies the reviewed override for %s', (_s, override) => {
    const plain = hantConverter([]);
    // The override is still needed: without it OpenCC writes what the entry says it writes.
    expect(plain(override.simplified)).toBe(override.converted);
    expect(convert(override.simplified)).toBe(override.traditional);
  });

  it('leaves text without Chinese characters exactly as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (text) => {
        expect(convert(text)).toBe(text);
      }),
    );
  });
});

describe('a page in the Traditional edition', () => {
  const html = [
    '<!doctype html><html lang="zh-CN" data-course-id="service-classroom"><head>',
    '<meta name="description" content="面向一线新员工的客户服务培训">',
    '<link rel="alternate" hreflang="zh-CN" href="/lessons/complaints-are-gold/">',
    '<link rel="stylesheet" href="/_astro/Base.abc.css">',
    '<script>(()=>{const t="不要改这段脚本";})()</script></head><body>',
    '<a href="/lessons/complaints-are-gold/#投诉是金" class="开头" title="投诉是金子">投诉</a>',
    '<a href="/lessons/complaints-are-gold/" hreflang="zh-CN" aria-current="page" data-script-switch>简</a>',
    '<a href="/zh-hant/lessons/complaints-are-gold/" hreflang="zh-Hant" data-script-switch>繁</a>',
    '<h2 id="为什么投诉是金">为什么投诉是金</h2><img src="/icons/icon-192.png" alt="客服图标">',
    '<astro-island component-url="/_astro/Quiz.abc.js" props="{&quot;title&quot;:[0,&quot;小测：处理投诉&quot;],&quot;href&quot;:[0,&quot;/lessons/complaints-are-gold/#为什么投诉是金&quot;],&quot;id&quot;:[0,&quot;kc-gold&quot;],&quot;sep&quot;:[0,&quot;/&quot;]}"></astro-island>',
    '</body></html>',
  ].join('');
  const out = convertHtml(html, page);

  it('is marked zh-Hant and its words are converted: text, title, alt, meta content, island strings', () => {
    expect(out).toContain('<html lang="zh-Hant"');
    expect(out).toContain('content="面向一線新員工的客戶服務培訓"');
    expect(out).toContain('title="投訴是金子">投訴</a>');
    expect(out).toContain('alt="客服圖標"');
    expect(out).toContain('&quot;小測：處理投訴&quot;');
    expect(out).toContain('>為什麼投訴是金</h2>');
  });

  it('keeps ids, fragments, class names and inline scripts, and moves links into the edition', () => {
    expect(out).toContain('id="为什么投诉是金"');
    expect(out).toContain('href="/zh-hant/lessons/complaints-are-gold/#投诉是金"');
    expect(out).toContain('&quot;/zh-hant/lessons/complaints-are-gold/#为什么投诉是金&quot;');
    expect(out).toContain('class="开头"');
    expect(out).toContain('const t="不要改这段脚本"');
    expect(out).toContain('&quot;kc-gold&quot;');
    expect(out).toContain('&quot;sep&quot;:[0,&quot;/&quot;]');
    expect(out).toContain('href="/_astro/Base.abc.css"');
    expect(out).toContain('src="/icons/icon-192.png"');
  });

  it('leaves the edition alternates pointing at their editions and marks 繁 as the current script', () => {
    expect(out).toContain('<link rel="alternate" hreflang="zh-CN" href="/lessons/complaints-are-gold/">');
    expect(out).toMatch(/<a href="\/lessons\/complaints-are-gold\/" hreflang="zh-CN" data-script-switch>簡<\/a>/);
    expect(out).toMatch(
      /<a aria-current="page" href="\/zh-hant\/lessons\/complaints-are-gold\/" hreflang="zh-Hant" data-script-switch>繁<\/a>/,
    );
  });
});

describe('the edition paths of a page', () => {
  it('differ only by the /zh-hant/ prefix', () => {
    expect(editionPaths('/', '/lessons/x/')).toEqual({ hans: '/lessons/x/', hant: '/zh-hant/lessons/x/' });
    expect(editionPaths('/', '/')).toEqual({ hans: '/', hant: '/zh-hant/' });
  });
});

describe('the scripts the edition copies', () => {
  const scripts = new Map([
    ['score.A.js', 'export const steps=[{id:`thank`,name:`说“谢谢”`}];'],
    ['Player.B.js', 'import{s}from"./score.A.js";import{p}from"./progress.C.js";'],
    ['progress.C.js', 'export const p=localStorage;'],
    ['Hr.D.js', 'new Worker(new URL(`/_astro/worker.E.js`,""+import.meta.url));'],
    ['worker.E.js', 'import{s}from"./score.A.js";'],
    ['client.F.js', 'export const render=1;'],
  ]);
  const copies = convertScripts(scripts, convert, 'zh-hant');

  it('are those with words and every script that loads one of them', () => {
    expect([...copies.keys()].sort()).toEqual(['Hr.D.js', 'Player.B.js', 'score.A.js', 'worker.E.js']);
    expect(copies.get('score.A.js')).toContain('name:`說“謝謝”`');
  });

  it('load the copies beside them and the shared scripts from the site, so the progress store stays one module', () => {
    expect(copies.get('Player.B.js')).toBe('import{s}from"./score.A.js";import{p}from"../../_astro/progress.C.js";');
    expect(copies.get('Hr.D.js')).toContain('`/zh-hant/_astro/worker.E.js`');
  });
});

describe('the check for Simplified characters left', () => {
  const simplifiedOnly = simplifiedOnlyCharacters(convert);

  it('knows the Simplified-only characters and not the shared ones', () => {
    for (const c of ['发', '后', '户', '诉', '为']) expect(simplifiedOnly.has(c)).toBe(true);
    for (const c of ['發', '後', '戶', '訴', '客', '服']) expect(simplifiedOnly.has(c)).toBe(false);
  });

  it('finds a character the conversion missed, in its sentence', () => {
    expect(simplifiedLeft('客戶說頭发太長', simplifiedOnly)).toEqual([{ character: '发', context: '客戶說頭发太長' }]);
  });

  it('passes the reviewed exception words and nothing else around them', () => {
    for (const { word } of HANT_EXCEPTIONS) expect(simplifiedLeft(`這樣最${word}`, simplifiedOnly)).toEqual([]);
    expect(simplifiedLeft('划船', simplifiedOnly).map((l) => l.character)).toEqual(['划']);
  });

  it('finds nothing in a converted text, whatever Simplified text it came from', () => {
    const samples = ['客户说要投诉到消协怎么办？', '后来他又打了三次电话', '这台空调用了几年'];
    for (const s of samples) expect(simplifiedLeft(convert(s), simplifiedOnly)).toEqual([]);
  });
});
