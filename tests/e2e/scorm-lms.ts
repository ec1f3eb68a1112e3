import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { ScormVersion } from '../../src/domain/scorm/cmi.ts';
import { packageCourse } from '../../src/packaging/package-course.ts';

/**
 * A stand-in LMS for the SCORM e2e tests: packages the built site (`dist/`) as `npm run package`
 * does, unzips each package in memory and serves it under a deep, LMS-like path, beside a
 * harness page that puts scorm-again's API on its window and frames the launch page. Like many
 * LMS content servers it serves files only, never a directory index.
 */

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  xml: 'application/xml',
  json: 'application/json',
};

export const packagePath = (version: ScormVersion) => `/pluginfile.php/42/mod_scorm/content/${version === '1.2' ? '12' : '2004'}/`;

export interface Lms {
  origin: string;
  /** The manifest of each package, for the tests that read it. */
  manifests: Record<ScormVersion, string>;
  /** Every file of each package but the manifest. */
  contents: Record<ScormVersion, string[]>;
  /** Site links in the packaged pages that point at no file of the package. */
  missing: string[];
  close(): Promise<void>;
}

export async function startLms(): Promise<Lms> {
  const { packages, missing } = await packageCourse({ root: process.cwd(), dist: 'dist', packageVersion: 'e2e' });
  const files = new Map<string, Uint8Array>();
  const manifests = {} as Record<ScormVersion, string>;
  const contents = {} as Record<ScormVersion, string[]>;
  for (const pkg of packages) {
    // Through the zip and back, so the test sees exactly what an LMS would unpack.
    for (const [path, data] of Object.entries(unzipSync(pkg.zip))) files.set(`${packagePath(pkg.version)}${path}`, data);
    manifests[pkg.version] = new TextDecoder().decode(pkg.files['imsmanifest.xml']);
    contents[pkg.version] = Object.keys(pkg.files).filter((path) => path !== 'imsmanifest.xml');
  }
  const fixtures = join(process.cwd(), 'tests/fixtures/scorm-lms');
  const scormAgain = join(process.cwd(), 'node_modules/scorm-again/dist');
  for (const name of ['harness.html', 'harness.js', 'harness.css']) files.set(`/${name}`, readFileSync(join(fixtures, name)));
  for (const name of ['scorm12.min.js', 'scorm2004.min.js']) files.set(`/scorm-again/${name}`, readFileSync(join(scormAgain, name)));

  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const body = files.get(path);
    if (!body) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[path.split('.').at(-1) ?? ''] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    manifests,
    contents,
    missing,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
