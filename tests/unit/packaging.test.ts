import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manifestXml } from '../../src/packaging/manifest.ts';
import { stageSite } from '../../src/packaging/package-course.ts';
import { relativizeCss, relativizeHtml, withFrameScript, type SiteFiles } from '../../src/packaging/relative-urls.ts';

const FILES = [
  'index.html',
  'lessons/a/index.html',
  'lessons/b/index.html',
  'scenarios/x/map/index.html',
  '_astro/app.js',
  '_astro/site.css',
  'favicon.svg',
  'fonts/f.woff2',
];
const site: SiteFiles = { has: (p) => FILES.includes(p), topLevel: new Set(FILES.map((f) => f.split('/')[0]!)) };
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('making the site’s URLs relative for an LMS package', () => {
  it('rewrites links, scripts, styles and island URLs relative to the page, naming index.html for directories', () => {
    const html = [
      '<a href="/">home</a><a href="/lessons/b/#s2">next</a><a href="/lessons/b/?x=1">q</a><a href="https://example.com/">out</a><a href="#main">skip</a>',
      '<link rel="icon" href="/favicon.svg"><script type="module" src="/_astro/app.js"></script>',
      '<astro-island component-url="/_astro/app.js" renderer-url="/_astro/app.js" props="{&quot;href&quot;:[0,&quot;/scenarios/x/map/&quot;],&quot;sep&quot;:[0,&quot;/&quot;]}"></astro-island>',
      '<div data-leave="/lessons/a/"></div><img srcset="/favicon.svg 1x, /favicon.svg 2x"><a href="map/">map</a><a href="../">up</a>',
    ].join('');
    const { text, missing } = relativizeHtml(html, 'lessons/a/index.html', site);
    expect(text).toContain('href="../../index.html"');
    expect(text).toContain('href="../b/index.html#s2"');
    expect(text).toContain('href="../b/index.html?x=1"');
    expect(text).toContain('href="https://example.com/"');
    expect(text).toContain('href="#main"');
    expect(text).toContain('href="../../favicon.svg"');
    expect(text).toContain('src="../../_astro/app.js"');
    expect(text).toContain('component-url="../../_astro/app.js" renderer-url="../../_astro/app.js"');
    expect(text).toContain('&quot;../../scenarios/x/map/index.html&quot;');
    // A bare "/" inside island props is data, not a link.
    expect(text).toContain('&quot;sep&quot;:[0,&quot;/&quot;]');
    expect(text).toContain('data-leave="index.html"');
    expect(text).toContain('srcset="../../favicon.svg 1x, ../../favicon.svg 2x"');
    expect(text).toContain('href="map/index.html"');
    expect(text).toContain('href="../index.html"');
    expect(missing).toEqual([]);
  });

  it('reports site links that point at no file', () => {
    expect(relativizeHtml('<a href="/lessons/gone/">x</a>', 'index.html', site).missing).toEqual(['index.html: /lessons/gone/']);
  });

  it('leaves inline scripts alone (their CSP hashes stay valid) and refuses one that holds a site URL', () => {
    const inline = '<script>(()=>{self.Astro={};})();</script>';
    expect(relativizeHtml(inline, 'index.html', site).text).toBe(inline);
    expect(() => relativizeHtml('<script>import("/_astro/app.js")</script>', 'lessons/a/index.html', site)).toThrow(
      /inline script holds site URLs/,
    );
  });

  it('rewrites url() in an inline style and puts the new hash in the page’s Content-Security-Policy', () => {
    const css = '.x{background:url(/favicon.svg)}';
    const html = `<meta http-equiv="content-security-policy" content="style-src 'self' ${sha(css)}"><style>${css}</style>`;
    const { text } = relativizeHtml(html, 'lessons/a/index.html', site);
    const rewritten = '.x{background:url(../../favicon.svg)}';
    expect(text).toContain(`<style>${rewritten}</style>`);
    expect(text).toContain(sha(rewritten));
    expect(text).not.toContain(sha(css));
  });

  it('rewrites url() in stylesheets relative to the stylesheet', () => {
    expect(relativizeCss('@font-face{src:url("/fonts/f.woff2")}a{b:url(#m)}', '_astro/site.css', site).text).toBe(
      '@font-face{src:url("../fonts/f.woff2")}a{b:url(#m)}',
    );
  });

  it('loads the package’s frame script first, right after the Content-Security-Policy that allows it', () => {
    const page = `<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-x'"><script type="module" src="a.js"></script>`;
    expect(withFrameScript(page, 'lessons/a/index.html')).toContain(
      `'sha256-x'"><script src="../../scorm/frame.js"></script><script type="module"`,
    );
    expect(() => withFrameScript('<head></head>', 'x.html')).toThrow(/no Content-Security-Policy/);
    expect(() => withFrameScript(`<meta http-equiv="content-security-policy" content="script-src 'none'">`, 'x.html')).toThrow(
      /does not allow scripts/,
    );
  });
});

describe('staging the built site', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };

  it('copies every file, rewriting pages and stylesheets, and refuses a script that holds a site URL', () => {
    dir = mkdtempSync(join(tmpdir(), 'dist-'));
    const head = `<meta http-equiv="content-security-policy" content="script-src 'self'">`;
    write('index.html', `${head}<a href="/lessons/a/">a</a>`);
    write('lessons/a/index.html', `${head}<a href="/">home</a>`);
    write('_astro/site.css', 'a{b:url(/favicon.svg)}');
    write('_astro/app.js', 'export const x = "./chunk.js";');
    write('favicon.svg', '<svg/>');
    const { files } = stageSite(dir);
    const text = (p: string) => new TextDecoder().decode(files[p]);
    expect(Object.keys(files).sort()).toEqual(['_astro/app.js', '_astro/site.css', 'favicon.svg', 'index.html', 'lessons/a/index.html']);
    expect(text('index.html')).toContain('<script src="scorm/frame.js"></script><a href="lessons/a/index.html">');
    expect(text('lessons/a/index.html')).toContain('<a href="../../index.html">');
    expect(text('_astro/site.css')).toBe('a{b:url(../favicon.svg)}');

    write('_astro/app.js', 'location.href = "/lessons/a/";');
    expect(() => stageSite(dir)).toThrow(/_astro\/app.js holds site URLs/);
  });

  it('makes a worker URL that Vite wrote as new URL("/_astro/…", import.meta.url) relative to its chunk', () => {
    dir = mkdtempSync(join(tmpdir(), 'dist-'));
    write('_astro/app.js', 'const w = new Worker(new URL(`/_astro/worker.js`, "" + import.meta.url), { type: "module" });');
    write('_astro/worker.js', 'postMessage(1);');
    const { files } = stageSite(dir);
    expect(new TextDecoder().decode(files['_astro/app.js'])).toBe(
      'const w = new Worker(new URL(`./worker.js`, "" + import.meta.url), { type: "module" });',
    );
  });
});

describe('imsmanifest.xml', () => {
  const input = {
    courseId: 'service-classroom',
    title: '客服课堂 & <训练营>',
    launch: 'scorm/launch.html',
    files: ['index.html', 'scorm/launch.html', 'lessons/a b/index.html'],
    packageVersion: '0.1.0',
  };

  it('SCORM 1.2: one SCO launching the launch page, every file listed, the title escaped', () => {
    const xml = manifestXml({ ...input, version: '1.2' });
    expect(xml).toContain('<schemaversion>1.2</schemaversion>');
    expect(xml).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
    expect(xml).toContain('adlcp:scormtype="sco" href="scorm/launch.html"');
    expect(xml).toContain('<title>客服课堂 &amp; &lt;训练营&gt;</title>');
    expect(xml).toContain('<file href="lessons/a%20b/index.html"/>');
    expect(xml.match(/<file /g)).toHaveLength(3);
    expect(xml.match(/<item /g)).toHaveLength(1);
  });

  it('SCORM 2004 4th Edition: the content sets completion and success itself', () => {
    const xml = manifestXml({ ...input, version: '2004' });
    expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(xml).toContain('adlcp:scormType="sco" href="scorm/launch.html"');
    expect(xml).toContain('<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>');
    expect(xml).toContain('xmlns:imsss="http://www.imsglobal.org/xsd/imsss"');
  });
});
