import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { ScormVersion } from '../../src/domain/scorm/cmi.ts';
import type { Script } from '../../src/i18n/editions.ts';
import { packageCourse } from '../../src/packaging/package-course.ts';
import { packageEdition } from '../../src/packaging/package-edition.ts';

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
  /** Every file of each package but the manifest and the XML Schema files beside it. */
  contents: Record<ScormVersion, string[]>;
  /** Each package's zip, as `npm run package` writes it. */
  zips: Record<ScormVersion, Uint8Array>;
  /** Site links in the packaged pages that point at no file of the package. */
  missing: string[];
  close(): Promise<void>;
}

/** `script`: the packages of that script edition, as `npm run package -- --script=…` makes them; by default straight from `dist/`. */
export async function startLms(script?: Script): Promise<Lms> {
  const options = { root: process.cwd(), dist: 'dist', packageVersion: 'e2e' };
  const { packages, missing } = script ? await packageEdition({ ...options, script }) : await packageCourse(options);
  const files = new Map<string, Uint8Array>();
  const manifests = {} as Record<ScormVersion, string>;
  const contents = {} as Record<ScormVersion, string[]>;
  const zips = {} as Record<ScormVersion, Uint8Array>;
  for (const pkg of packages) {
    zips[pkg.version] = pkg.zip;
    // Through the zip and back, so the test sees exactly what an LMS would unpack.
    for (const [path, data] of Object.entries(unzipSync(pkg.zip))) files.set(`${packagePath(pkg.version)}${path}`, data);
    manifests[pkg.version] = new TextDecoder().decode(pkg.files['imsmanifest.xml']);
    contents[pkg.version] = Object.keys(pkg.files).filter((path) => path !== 'imsmanifest.xml' && !pkg.schemas.includes(path));
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
    zips,
    origin: `http://localhost:${port}`,
    manifests,
    contents,
    missing,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface SchemaCheck {
  /** The schema files the manifest's `xsi:schemaLocation` names, and whether the zip holds each. */
  named: { namespace: string; file: string; inZip: boolean }[];
  /** Whether `xmllint --schema` found the manifest valid, and what it said. */
  valid: boolean;
  output: string;
}

/**
 * Validates a package's manifest with `xmllint --schema` against the schema files inside its zip,
 * offline: the zip is unpacked to a temporary folder; a schema that imports every namespace the
 * manifest's `xsi:schemaLocation` names, from the file it names there, drives the validation; an
 * XML catalog points W3C's address of `xml.xsd` (imported by IMS CP 1.1.4) at the zip's copy.
 */
export function checkManifestSchemas(zip: Uint8Array): SchemaCheck {
  const work = mkdtempSync(join(tmpdir(), 'scorm-package-'));
  const dir = join(work, 'package');
  try {
    for (const [path, data] of Object.entries(unzipSync(zip))) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), data);
    }
    const manifest = readFileSync(join(dir, 'imsmanifest.xml'), 'utf8');
    const words = (/xsi:schemaLocation="([^"]*)"/.exec(manifest)?.[1] ?? '').trim().split(/\s+/);
    const named = Array.from({ length: Math.floor(words.length / 2) }, (_, i) => {
      const [namespace, file] = [words[2 * i]!, words[2 * i + 1]!];
      return { namespace, file, inZip: existsSync(join(dir, file)) };
    });
    const driver = join(work, 'all-namespaces.xsd');
    writeFileSync(
      driver,
      `<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${named
        .map((n) => `  <xs:import namespace="${n.namespace}" schemaLocation="${pathToFileURL(join(dir, n.file)).href}"/>`)
        .join('\n')}\n</xs:schema>\n`,
    );
    const catalog = join(work, 'catalog.xml');
    writeFileSync(
      catalog,
      `<?xml version="1.0"?>\n<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n  <system systemId="http://www.w3.org/2001/xml.xsd" uri="${pathToFileURL(join(dir, 'xml.xsd')).href}"/>\n  <uri name="http://www.w3.org/2001/xml.xsd" uri="${pathToFileURL(join(dir, 'xml.xsd')).href}"/>\n</catalog>\n`,
    );
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', driver, join(dir, 'imsmanifest.xml')], {
      encoding: 'utf8',
      env: { ...process.env, XML_CATALOG_FILES: catalog },
    });
    if (run.error) throw new Error(`xmllint could not run (Debian: apt-get install libxml2-utils): ${run.error.message}`);
    return { named, valid: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
