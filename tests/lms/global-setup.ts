import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COURSE_FILE, LEARNERS } from './learners.ts';
import { install, php, REPO, runDir, start } from './moodle.ts';

/** Installs Moodle if the cache has no install of this tarball, starts a fresh copy, and makes the course. */
export default async function globalSetup(): Promise<() => void> {
  const zips = ['scorm12', 'scorm2004'].map((v) => join(REPO, 'packages', `service-classroom-${v}.zip`));
  for (const zip of zips) if (!existsSync(zip)) throw new Error(`${zip} is missing: run \`npm run package\` first (npm run test:lms does)`);
  const started = Date.now();
  install();
  const moodle = await start();
  const course = php(join(REPO, 'tests/lms/setup-course.php'), [...zips, JSON.stringify(LEARNERS)]);
  writeFileSync(join(runDir(), COURSE_FILE), course);
  console.log(`[moodle] ready in ${Math.round((Date.now() - started) / 1000)} s: ${course.trim()}`);
  return () => moodle.stop();
}
