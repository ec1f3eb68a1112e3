import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** The LMS rooms a package can be made for: each has its launch page's script in `src/lms/<room>/launch.ts`. */
export type LmsRoom = 'scorm' | 'cmi5';

/**
 * A package's own scripts, bundled for the browser into the folder named after its room:
 * `launch.js` (the launch page, with that LMS's runtime) and `frame.js` (loaded first by every
 * course page of the package; one frame bridge serves every room). Classic scripts, not
 * modules: `frame.js` must run before the page's module scripts and islands start the progress
 * store. The launch page's styles are shared too.
 */
export async function bundleLaunchScripts(root: string, room: LmsRoom): Promise<Record<string, Uint8Array>> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { launch: `src/lms/${room}/launch.ts`, frame: 'src/lms/scorm/frame.ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    outdir: room,
    logLevel: 'silent',
  });
  const files: Record<string, Uint8Array> = {};
  for (const file of result.outputFiles) files[`${room}/${file.path.split(/[\\/]/).at(-1)}`] = file.contents;
  files[`${room}/launch.css`] = readFileSync(join(root, 'src/lms/scorm/launch.css'));
  return files;
}
