// `npm test`: every check the project has, in order — lint, type checks, unit tests, content
// checks, build, e2e, accessibility sweep — then one line of its own, `N passed, N failed`,
// adding up every test it ran (a check without test cases of its own counts as one). Each check
// is the package.json script of that name, read from package.json (a script of several commands
// joined by `&&` counts each command as one check), so `npm run lint` and `npm test` cannot drift.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium, NO_BROWSER_MESSAGE } from './e2e/browser.ts';

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
let passed = 0;
let failed = 0;
const failures: string[] = [];

const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};

/** The commands of a package.json script, in order. */
function commandsOf(name: string): string[] {
  const script = scripts[name];
  if (!script) throw new Error(`package.json has no "${name}" script`);
  return script.split('&&').map((command) => command.trim());
}

/** The script's one command (a script that suite() extends with report arguments must have one). */
function commandOf(name: string): string {
  const [command, ...more] = commandsOf(name);
  if (!command || more.length > 0) throw new Error(`package.json's "${name}" script should be one command`);
  return command;
}

/** Runs a command line as npm would run a script (through the shell, with npm's PATH). */
function run(label: string, command: string): boolean {
  console.log(`\n▶ ${label}: ${command}`);
  const result = spawnSync(command, { shell: true, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function single(label: string, command: string): boolean {
  const ok = run(label, command);
  if (ok) passed++;
  else {
    failed++;
    failures.push(label);
  }
  return ok;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Runs a test runner that writes a JSON report, and adds its own pass/fail counts. */
function suite(
  label: string,
  command: string,
  report: string,
  count: (json: unknown) => { passed: number; failed: number } | undefined,
  listFailures: (json: unknown) => void,
): void {
  rmSync(report, { force: true });
  const ok = run(label, command);
  const json = readJson(report);
  const counts = count(json);
  listFailures(json);
  if (!counts) {
    failed++;
    failures.push(`${label} (no report)`);
    return;
  }
  passed += counts.passed;
  failed += counts.failed;
  if (counts.failed > 0 || !ok) failures.push(label);
  if (!ok && counts.failed === 0) failed++;
}

const vitestCounts = (json: unknown) => {
  const r = json as { numPassedTests?: number; numFailedTests?: number } | undefined;
  return r && typeof r.numPassedTests === 'number' ? { passed: r.numPassedTests, failed: r.numFailedTests ?? 0 } : undefined;
};

/** One line per failed (or flaky) test, with the start of its error, so a truncated log still names it. */
const failedTests: string[] = [];
const firstLine = (text: unknown) =>
  String(text ?? '')
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, 4)
    .join(' | ');

function collectVitestFailures(json: unknown): void {
  const r = json as {
    testResults?: { name?: string; assertionResults?: { status?: string; fullName?: string; failureMessages?: string[] }[] }[];
  };
  for (const file of r?.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'failed')
        failedTests.push(`✖ unit ${file.name ?? ''} › ${test.fullName ?? ''}: ${firstLine(test.failureMessages?.[0])}`);
    }
  }
}

interface PwSuite {
  title?: string;
  file?: string;
  specs?: { title?: string; line?: number; tests?: { status?: string; results?: { error?: { message?: string } }[] }[] }[];
  suites?: PwSuite[];
}
function collectPlaywrightFailures(json: unknown): void {
  const r = json as { suites?: PwSuite[] } | undefined;
  const walk = (suite: PwSuite, trail: string[]) => {
    const here = suite.title ? [...trail, suite.title] : trail;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'unexpected' || test.status === 'flaky') {
          const error = test.results?.find((result) => result.error)?.error?.message;
          const tag = test.status === 'flaky' ? '⚠ flaky, passed on retry: ' : '✖ ';
          failedTests.push(`${tag}${[...here, spec.title].join(' › ')}:${spec.line ?? ''}: ${firstLine(error)}`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of r?.suites ?? []) walk(suite, []);
}

const playwrightCounts = (json: unknown) => {
  const r = json as { stats?: { expected?: number; unexpected?: number; flaky?: number } } | undefined;
  return r?.stats ? { passed: (r.stats.expected ?? 0) + (r.stats.flaky ?? 0), failed: r.stats.unexpected ?? 0 } : undefined;
};

mkdirSync('test-results', { recursive: true });

/** Each command of a script as a check of its own, labelled with the script and the command's tool. */
function scriptChecks(name: string, area = name): boolean {
  return commandsOf(name)
    .map((command) => single(`${area}: ${command.split(' ')[0]}`, command))
    .every(Boolean);
}

scriptChecks('lint');
scriptChecks('typecheck', 'types');
scriptChecks('check:content', 'content');
suite(
  'unit: vitest',
  `${commandOf('test:unit')} --reporter=default --reporter=json --outputFile=test-results/unit.json`,
  'test-results/unit.json',
  vitestCounts,
  collectVitestFailures,
);
const built = scriptChecks('build');

const browser = findChromium();
if (!browser) {
  console.error(`\n✖ ${NO_BROWSER_MESSAGE}`);
  failed++;
  failures.push('e2e: no browser');
} else if (!built || !existsSync('dist/index.html')) {
  console.error('\n✖ e2e and accessibility tests skipped: the build failed.');
  failed++;
  failures.push('e2e: skipped, build failed');
} else {
  const env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/e2e.json' };
  process.env = env;
  suite('e2e: playwright', commandOf('test:e2e'), 'test-results/e2e.json', playwrightCounts, collectPlaywrightFailures);
  process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] = 'test-results/a11y.json';
  suite('a11y: axe sweep', commandOf('test:a11y'), 'test-results/a11y.json', playwrightCounts, collectPlaywrightFailures);
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
for (const line of failedTests) console.log(`  ${line}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
