// `npm run package` (after `astro build`): writes the course as SCORM 1.2, SCORM 2004 and cmi5 packages
// to `packages/`, from the built site in `dist/`. See src/packaging/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageCourse } from '../packaging/package-course.ts';

const root = process.cwd();
const outDir = join(root, 'packages');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

const { packages, cmi5, missing } = await packageCourse({ root, dist: join(root, 'dist'), packageVersion: version });
mkdirSync(outDir, { recursive: true });
for (const pkg of packages) {
  writeFileSync(join(outDir, pkg.fileName), pkg.zip);
  const count = Object.keys(pkg.files).length;
  console.log(`SCORM ${pkg.version}: packages/${pkg.fileName} (${count} files, ${(pkg.zip.length / 1024 / 1024).toFixed(1)} MB)`);
}
writeFileSync(join(outDir, cmi5.fileName), cmi5.zip);
console.log(`cmi5: packages/${cmi5.fileName} (${Object.keys(cmi5.files).length} files, ${(cmi5.zip.length / 1024 / 1024).toFixed(1)} MB)`);
if (missing.length > 0) {
  console.error(`\n${missing.length} links point at no file of the course (broken on the website too):`);
  for (const m of missing) console.error(`  ${m}`);
  process.exitCode = 1;
}
