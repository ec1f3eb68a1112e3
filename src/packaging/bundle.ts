import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * The package's own scripts, bundled for the browser: `launch.js` (the launch page, with the
 * LMS runtime) and `frame.js` (loaded first by every course page of the package). Classic
 * scripts, not modules: `frame.js` must run before the page's module scripts and islands start
 * the progress store.
 */
export async function bundleScormScripts(root: string): Promise<Record<string, Uint8Array>> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { launch: 'src/lms/scorm/launch.ts', frame: 'src/lms/scorm/frame.ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    outdir: 'scorm',
    logLevel: 'silent',
  });
  const files: Record<string, Uint8Array> = {};
  for (const file of result.outputFiles) files[`scorm/${file.path.split(/[\\/]/).at(-1)}`] = file.contents;
  files['scorm/launch.css'] = readFileSync(join(root, 'src/lms/scorm/launch.css'));
  return files;
}
