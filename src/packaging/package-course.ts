import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { Catalogue } from '../domain/catalogue.ts';
import type { ScormVersion } from '../domain/scorm/cmi.ts';
import { isSiteOnly } from '../integrations/offline/service-worker.ts';
import { bundleLaunchScripts } from './bundle.ts';
import { courseStructureXml, defaultCourseIri } from './cmi5-xml.ts';
import { launchPage } from './launch-page.ts';
import { manifestXml } from './manifest.ts';
import { schemaFiles } from './schemas.ts';
import { relativizeCss, relativizeHtml, relativizeScript, siteUrlsInScript, withFrameScript, type SiteFiles } from './relative-urls.ts';

/**
 * The course as LMS packages: the built site (`dist/`) copied with relative URLs, every page
 * loading the package's `frame.js` first, the launch page and its scripts under `scorm/`, and an
 * `imsmanifest.xml` at the root; one zip per SCORM version. The cmi5 package is the same site
 * with its launch page and scripts under `cmi5/` and a `cmi5.xml` at the root. `dist/` itself is
 * not changed, so the same build still serves as the website.
 */

export const LAUNCH = 'scorm/launch.html';
export const CMI5_LAUNCH = 'cmi5/launch.html';
/** The catalogue the build emits (`src/pages/catalogue.json.ts`), read from the built site. */
export const CATALOGUE = 'catalogue.json';
export const VERSIONS: readonly ScormVersion[] = ['1.2', '2004'];

export interface PackageOptions {
  /** The project root (where `src/` is: the launch page's scripts are bundled from it). */
  root: string;
  /** The built site. */
  dist: string;
  packageVersion: string;
  builtAt?: Date;
  /**
   * The package's own pages and scripts (the launch page, `scorm/*.js`) in another script: the
   * Traditional packages pass the build's converter (`src/integrations/hant/`), since the site
   * they wrap (`editionSite`) is already converted.
   */
  convertPackage?: (path: string, text: string) => string;
}

export interface CoursePackage {
  version: ScormVersion;
  /** File name for the zip, e.g. service-classroom-scorm12.zip. */
  fileName: string;
  /** Every file of the package by path, the manifest and schemas included. */
  files: Record<string, Uint8Array>;
  /** The XML Schema files at the package root (`schemas.ts`): not course content, so not listed in the manifest. */
  schemas: string[];
  zip: Uint8Array;
}

export interface Cmi5Package {
  /** File name for the zip, e.g. service-classroom-cmi5.zip. */
  fileName: string;
  /** Every file of the package by path, cmi5.xml included. */
  files: Record<string, Uint8Array>;
  zip: Uint8Array;
}

export interface PackageResult {
  /** The SCORM packages, one per version. */
  packages: CoursePackage[];
  cmi5: Cmi5Package;
  /** Site URLs that point at no file: links that are broken in the website too. */
  missing: string[];
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** The course catalogue exactly as the build emitted it: the packages describe the site they hold. */
export function readCatalogue(dist: string): Catalogue {
  const path = join(dist, CATALOGUE);
  if (!existsSync(path)) throw new Error(`${path} is missing: build the site first (npm run build)`);
  const catalogue = JSON.parse(readFileSync(path, 'utf8')) as Partial<Catalogue>;
  if (typeof catalogue.course?.id !== 'string' || !Array.isArray(catalogue.activities) || !catalogue.map) {
    throw new Error(`${path} is not a course catalogue: rebuild the site (npm run build)`);
  }
  return catalogue as Catalogue;
}

/** The site's files with URLs made relative and the frame script (a path in the package) added to every page. */
export function stageSite(dist: string, frameScript = 'scorm/frame.js'): { files: Record<string, Uint8Array>; missing: string[] } {
  // An LMS serves the package in its own frame and scope: no service worker or search index goes in.
  const paths = listFiles(dist).filter((path) => !isSiteOnly(path));
  const known = new Set(paths);
  const site: SiteFiles = { has: (p) => known.has(p), topLevel: new Set(paths.map((p) => p.split('/')[0]!)) };
  const files: Record<string, Uint8Array> = {};
  const missing: string[] = [];
  const encoder = new TextEncoder();
  for (const path of paths) {
    const bytes = readFileSync(join(dist, path));
    if (path.endsWith('.html')) {
      const rewritten = relativizeHtml(bytes.toString('utf8'), path, site);
      missing.push(...rewritten.missing);
      files[path] = encoder.encode(withFrameScript(rewritten.text, path, frameScript));
    } else if (path.endsWith('.css')) {
      const rewritten = relativizeCss(bytes.toString('utf8'), path, site);
      missing.push(...rewritten.missing);
      files[path] = encoder.encode(rewritten.text);
    } else if (path.endsWith('.js') || path.endsWith('.mjs')) {
      const rewritten = relativizeScript(bytes.toString('utf8'), path, site);
      missing.push(...rewritten.missing);
      const urls = siteUrlsInScript(rewritten.text, site);
      if (urls.length > 0) throw new Error(`${path} holds site URLs the packager cannot make relative: ${urls.join(', ')}`);
      files[path] = encoder.encode(rewritten.text);
    } else {
      files[path] = bytes;
    }
  }
  return { files, missing: [...new Set(missing)] };
}

export async function packageCourse(options: PackageOptions): Promise<PackageResult> {
  const builtAt = options.builtAt ?? new Date();
  const catalogue = readCatalogue(options.dist);
  const staged = stageSite(options.dist);
  const scripts = await bundleLaunchScripts(options.root, 'scorm');
  const encoder = new TextEncoder();

  const packages = VERSIONS.map((version): CoursePackage => {
    const files: Record<string, Uint8Array> = {
      ...staged.files,
      ...scripts,
      [LAUNCH]: encoder.encode(launchPage({ version, catalogue, builtAt: builtAt.toISOString() })),
    };
    if (options.convertPackage) {
      for (const path of Object.keys(files).filter((p) => p.startsWith('scorm/') && /\.(?:html|m?js)$/.test(p))) {
        files[path] = encoder.encode(options.convertPackage(path, new TextDecoder().decode(files[path])));
      }
    }
    const manifest = manifestXml({
      version,
      courseId: catalogue.course.id,
      title: catalogue.course.title,
      launch: LAUNCH,
      files: Object.keys(files),
      packageVersion: options.packageVersion,
    });
    files['imsmanifest.xml'] = encoder.encode(manifest);
    const schemas = schemaFiles(options.root, version);
    for (const [name, data] of Object.entries(schemas)) {
      if (files[name]) throw new Error(`the schema file ${name} would replace a file of the site`);
      files[name] = data;
    }
    return {
      version,
      fileName: `${catalogue.course.id}-scorm${version === '1.2' ? '12' : '2004'}.zip`,
      files,
      schemas: Object.keys(schemas),
      zip: zipped(files, builtAt),
    };
  });
  const cmi5 = await packageCmi5({ ...options, builtAt });
  return { packages, cmi5, missing: staged.missing };
}

function zipped(files: Record<string, Uint8Array>, builtAt: Date): Uint8Array {
  const zippable: Zippable = {};
  for (const [path, data] of Object.entries(files)) zippable[path] = [data, { mtime: builtAt }];
  return zipSync(zippable, { level: 9 });
}

/** The cmi5 package: the course as one AU (cmi5.xml), launched at `cmi5/launch.html`. */
export async function packageCmi5(options: PackageOptions): Promise<Cmi5Package> {
  const builtAt = options.builtAt ?? new Date();
  const catalogue = readCatalogue(options.dist);
  // The same site, with every page loading the frame script from the cmi5 folder.
  const staged = stageSite(options.dist, 'cmi5/frame.js');
  const encoder = new TextEncoder();
  const files: Record<string, Uint8Array> = {
    ...staged.files,
    ...(await bundleLaunchScripts(options.root, 'cmi5')),
    [CMI5_LAUNCH]: encoder.encode(launchPage({ version: 'cmi5', catalogue, builtAt: builtAt.toISOString() })),
  };
  if (options.convertPackage) {
    for (const path of Object.keys(files).filter((p) => p.startsWith('cmi5/') && /\.(?:html|m?js)$/.test(p))) {
      files[path] = encoder.encode(options.convertPackage(path, new TextDecoder().decode(files[path])));
    }
  }
  const { id, title, description } = catalogue.course;
  files['cmi5.xml'] = encoder.encode(
    courseStructureXml({
      courseIri: defaultCourseIri(id),
      title,
      description: description ?? title,
      launch: CMI5_LAUNCH,
      rule: catalogue.rule,
    }),
  );
  return { fileName: `${id}-cmi5.zip`, files, zip: zipped(files, builtAt) };
}
