import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The JavaScript a built page loads, gzipped: its inline scripts, every module script and island
 * (component and renderer) it names, and everything those import, statically or dynamically,
 * each file counted once. Measured on `dist/`, as a static host would serve it.
 */
export function pageJsGzipBytes(distDir: string, pagePath: string): { total: number; files: Record<string, number> } {
  const html = readFileSync(join(distDir, pagePath), 'utf8');
  const files: Record<string, number> = {};
  const gz = (text: string) => gzipSync(text, { level: 9 }).length;
  [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].forEach((m, i) => {
    if (m[1]?.trim()) files[`inline#${i}`] = gz(m[1]);
  });
  const entries = [
    ...[...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g)].map((m) => m[1]!),
  ];
  const queue = entries.map((url) => join(distDir, url));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (file in files || !existsSync(file)) continue;
    const code = readFileSync(file, 'utf8');
    files[file] = gz(code);
    for (const m of code.matchAll(/(?:import|export)\s*(?:[^'"()]*?from\s*)?["']([^"']+\.js)["']|import\(\s*["']([^"']+\.js)["']\s*\)/g)) {
      const spec = m[1] ?? m[2]!;
      queue.push(spec.startsWith('/') ? join(distDir, spec) : resolve(dirname(file), spec));
    }
  }
  return { total: Object.values(files).reduce((a, b) => a + b, 0), files };
}
