// `npm run package` (after `astro build`): writes the course as SCORM 1.2, SCORM 2004 and cmi5 packages
// to `packages/`, from the built site in `dist/`. See src/packaging/.
// `npm run package -- --script=hant` packages the Traditional Chinese edition instead
// (`…-scorm12-zh-hant.zip`); one package holds one script.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HANT_DIR, type Script } from '../i18n/editions.ts';
import { packageEdition } from '../packaging/package-edition.ts';

const root = process.cwd();
const outDir = join(root, 'packages');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const { values } = parseArgs({ options: { script: { type: 'string', default: 'hans' } } });
if (values.script !== 'hans' && values.script !== 'hant') {
  console.error(`--script must be hans (Simplified, the default) or hant (Traditional), not "${values.script}"`);
  process.exit(2);
}
const script: Script = values.script;

const { packages, cmi5, missing } = await packageEdition({ root, dist: join(root, 'dist'), packageVersion: version, script });
mkdirSync(outDir, { recursive: true });
for (const pkg of packages) {
  const fileName = script === 'hant' ? pkg.fileName.replace(/\.zip$/, `-${HANT_DIR}.zip`) : pkg.fileName;
  writeFileSync(join(outDir, fileName), pkg.zip);
  const count = Object.keys(pkg.files).length;
  console.log(`SCORM ${pkg.version}: packages/${fileName} (${count} files, ${(pkg.zip.length / 1024 / 1024).toFixed(1)} MB)`);
}
const cmi5Name = script === 'hant' ? cmi5.fileName.replace(/\.zip$/, `-${HANT_DIR}.zip`) : cmi5.fileName;
writeFileSync(join(outDir, cmi5Name), cmi5.zip);
console.log(`cmi5: packages/${cmi5Name} (${Object.keys(cmi5.files).length} files, ${(cmi5.zip.length / 1024 / 1024).toFixed(1)} MB)`);
if (missing.length > 0) {
  console.error(`\n${missing.length} links point at no file of the course (broken on the website too):`);
  for (const m of missing) console.error(`  ${m}`);
  process.exitCode = 1;
}
