// A real Moodle 4.3 for the LMS suite: unpacked from `../shared/lms/moodle/moodle-4.3.tar.xz`,
// installed once into a cache outside the repository (keyed by the tarball's hash), and started
// for a run as PostgreSQL and PHP's own server, both on 127.0.0.1 only.
//
//   node tests/lms/moodle.ts install   unpack and install if the cache has no install of this tarball
//   node tests/lms/moodle.ts start     a fresh copy of the installed site, served (prints the URL)
//   node tests/lms/moodle.ts stop      stops what `start` started
//
// The installed site (PostgreSQL's data directory and Moodle's data root, both stopped) is kept
// as `pristine/`; each run copies it to `run-<port>/`, so every run starts from the same empty
// Moodle and two checkouts can run at once on their own ports. `LMS_CACHE` moves the cache
// (default /var/tmp/service-classroom-lms).
import { execFileSync, spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const REPO = resolve(import.meta.dirname, '../..');
/** `../shared/` beside the repository (CI's clone), or beside its parent (a git worktree under wt/); MOODLE_TARBALL overrides. */
export const TARBALL = resolve(
  process.env['MOODLE_TARBALL'] ??
    ['..', '../..'].map((up) => join(REPO, up, 'shared/lms/moodle/moodle-4.3.tar.xz')).find((path) => existsSync(path)) ??
    join(REPO, '../shared/lms/moodle/moodle-4.3.tar.xz'),
);
const CACHE = resolve(process.env['LMS_CACHE'] ?? '/var/tmp/service-classroom-lms');
/** Bump when the install steps below change, so a cache made by older steps is not reused. */
const RECIPE = '1';
const PG_BIN = ['/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'].find((d) => existsSync(join(d, 'initdb'))) ?? '';
export const ADMIN = { username: 'admin', password: 'Admin-pass-1' };
const DB = { name: 'moodle', user: 'moodle', password: 'moodle-test-pw' };
const IS_ROOT = process.getuid?.() === 0;

/** One pair of ports per checkout (as Playwright's config does), so worktrees don't collide; MOODLE_PORT overrides. */
const checkoutHash = [...REPO].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 997, 7) % 400;
export const HTTP_PORT = Number(process.env['MOODLE_PORT'] ?? 8600 + checkoutHash);
export const PG_PORT = HTTP_PORT - 3000;
export const WWWROOT = `http://127.0.0.1:${HTTP_PORT}`;

let tarballKey: string | undefined;
function key(): string {
  if (!tarballKey) tarballKey = `${createHash('sha256').update(readFileSync(TARBALL)).digest('hex').slice(0, 16)}-r${RECIPE}`;
  return tarballKey;
}
const home = () => join(CACHE, `moodle-${key()}`);
/** Moodle's code (read-only once installed; its config.php reads the run's paths from the environment). */
export const wwwDir = () => join(home(), 'www', 'moodle');
const pristine = () => join(home(), 'pristine');
export const runDir = () => join(home(), `run-${HTTP_PORT}`);
const socketDir = () => join(runDir(), 'socket');

function log(message: string): void {
  console.log(`[moodle] ${message}`);
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout ?? ''}\n${result.stderr ?? ''}`,
    );
  }
  return String(result.stdout ?? '');
}

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user. */
function pg(program: string, args: string[], options: SpawnSyncOptions = {}): string {
  const bin = join(PG_BIN, program);
  return IS_ROOT ? run('runuser', ['-u', 'postgres', '--', bin, ...args], options) : run(bin, args, options);
}
function givePostgres(path: string): void {
  if (!IS_ROOT) return;
  run('chown', ['-R', 'postgres:postgres', path]);
}

/** What is missing on this machine for the suite, as Debian package names (`.ci/run` installs them). */
export function missingPackages(): string[] {
  const missing: string[] = [];
  const php = spawnSync('php', ['-m'], { encoding: 'utf8' });
  const modules = php.status === 0 ? php.stdout.toLowerCase() : '';
  if (php.status !== 0) missing.push('php8.2-cli');
  for (const [module, pkg] of [
    ['pgsql', 'php8.2-pgsql'],
    ['xml', 'php8.2-xml'],
    ['mbstring', 'php8.2-mbstring'],
    ['curl', 'php8.2-curl'],
    ['zip', 'php8.2-zip'],
    ['gd', 'php8.2-gd'],
    ['intl', 'php8.2-intl'],
    ['soap', 'php8.2-soap'],
  ] as const) {
    if (!new RegExp(`^${module}$`, 'm').test(modules)) missing.push(pkg);
  }
  if (!PG_BIN) missing.push('postgresql');
  return missing;
}

const pgOptions = (sockets: string) =>
  [
    '-c listen_addresses=127.0.0.1',
    `-c port=${PG_PORT}`,
    `-c unix_socket_directories=${sockets}`,
    // A throwaway test database: durability is not needed, speed is.
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');

function startPostgres(dataDir: string): void {
  mkdirSync(socketDir(), { recursive: true });
  givePostgres(socketDir());
  pg('pg_ctl', ['-D', dataDir, '-l', join(dirname(dataDir), 'postgres.log'), '-o', pgOptions(socketDir()), '-w', '-t', '120', 'start']);
}
function stopPostgres(dataDir: string): void {
  if (!existsSync(join(dataDir, 'postmaster.pid'))) return;
  pg('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop'], { stdio: 'ignore' });
}

/** config.php: the database and paths come from the environment the server and CLI scripts are started with. */
const CONFIG = `<?php
// Written by tests/lms/moodle.ts: the run's ports and paths come from the environment.
unset($CFG);
global $CFG;
$CFG = new stdClass();
$CFG->dbtype = 'pgsql';
$CFG->dblibrary = 'native';
$CFG->dbhost = '127.0.0.1';
$CFG->dbname = '${DB.name}';
$CFG->dbuser = '${DB.user}';
$CFG->dbpass = '${DB.password}';
$CFG->prefix = 'mdl_';
$CFG->dboptions = ['dbpersist' => 0, 'dbport' => (int) getenv('SC_MOODLE_PGPORT'), 'dbsocket' => ''];
$CFG->wwwroot = getenv('SC_MOODLE_WWWROOT');
$CFG->dataroot = getenv('SC_MOODLE_DATAROOT');
$CFG->admin = 'admin';
$CFG->directorypermissions = 02777;
// Offline test machine: no update checks, no external requests.
$CFG->disableupdatenotifications = true;
$CFG->disableupdateautodeploy = true;
require_once(__DIR__ . '/lib/setup.php');
`;

function moodleEnv(base: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    SC_MOODLE_PGPORT: String(PG_PORT),
    SC_MOODLE_WWWROOT: WWWROOT,
    SC_MOODLE_DATAROOT: join(base, 'data'),
  };
}

/** Unpacks and installs Moodle into the cache unless an install of this tarball is there. Returns whether it did. */
export function install(): boolean {
  if (existsSync(join(pristine(), 'ready'))) return false;
  if (!existsSync(TARBALL)) throw new Error(`Moodle's tarball is not at ${TARBALL} (set MOODLE_TARBALL)`);
  const missing = missingPackages();
  if (missing.length > 0) throw new Error(`missing Debian packages for the Moodle suite: ${missing.join(' ')} (.ci/run installs them)`);
  const started = Date.now();
  rmSync(home(), { recursive: true, force: true });
  mkdirSync(wwwDir(), { recursive: true });
  log(`unpacking ${TARBALL} into ${wwwDir()}`);
  // The tarball holds Moodle's files at its top level.
  run('tar', ['-xJf', TARBALL, '-C', wwwDir()]);
  if (!existsSync(join(wwwDir(), 'version.php'))) throw new Error('the tarball holds no version.php: not Moodle?');

  // Installed in a staging directory that becomes pristine/ only when complete.
  const staging = join(home(), 'staging');
  const pgData = join(staging, 'pg');
  mkdirSync(join(staging, 'data'), { recursive: true });
  mkdirSync(pgData, { recursive: true });
  givePostgres(staging);
  const pwFile = join(staging, 'pw');
  writeFileSync(pwFile, `${DB.password}\n`);
  if (IS_ROOT) chownSync(pwFile, Number(run('id', ['-u', 'postgres']).trim()), Number(run('id', ['-g', 'postgres']).trim()));
  log('creating a PostgreSQL cluster');
  pg('initdb', ['-D', pgData, '-U', DB.user, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8'], {
    stdio: 'ignore',
  });
  rmSync(pwFile);
  mkdirSync(join(staging, 'socket'), { recursive: true });
  givePostgres(join(staging, 'socket'));
  pg('pg_ctl', ['-D', pgData, '-l', join(staging, 'postgres.log'), '-o', pgOptions(join(staging, 'socket')), '-w', '-t', '120', 'start']);
  try {
    const env = { ...moodleEnv(staging), PGPASSWORD: DB.password };
    run(
      'psql',
      ['-h', '127.0.0.1', '-p', String(PG_PORT), '-U', DB.user, '-d', 'postgres', '-c', `CREATE DATABASE ${DB.name} ENCODING 'UTF8'`],
      {
        env,
      },
    );
    log('installing Moodle (a minute or a few)');
    run(
      'php',
      [
        '-d',
        'max_input_vars=5000',
        '-d',
        'memory_limit=512M',
        'admin/cli/install_database.php',
        '--agree-license',
        '--lang=en',
        '--fullname=Service Classroom LMS test',
        '--shortname=sctest',
        `--adminuser=${ADMIN.username}`,
        `--adminpass=${ADMIN.password}`,
        '--adminemail=admin@example.invalid',
        '--supportemail=support@example.invalid',
      ],
      { cwd: wwwDir(), env: writeConfig(env) },
    );
  } finally {
    stopPostgres(pgData);
  }
  renameSync(staging, pristine());
  writeFileSync(join(pristine(), 'ready'), `${new Date().toISOString()} ${key()}\n`);
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return true;
}

/** Writes config.php (the same for every run) and returns the env unchanged, for chaining. */
function writeConfig(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  writeFileSync(join(wwwDir(), 'config.php'), CONFIG);
  return env;
}

export interface RunningMoodle {
  url: string;
  pgPort: number;
  env: NodeJS.ProcessEnv;
  stop(): void;
}

/** A fresh copy of the installed Moodle, its PostgreSQL and PHP's server started. */
export async function start(): Promise<RunningMoodle> {
  stop();
  const base = runDir();
  rmSync(base, { recursive: true, force: true });
  cpSync(pristine(), base, { recursive: true, preserveTimestamps: true });
  givePostgres(base);
  run('chmod', ['700', join(base, 'pg')]);
  startPostgres(join(base, 'pg'));
  const env = { ...moodleEnv(base), PHP_CLI_SERVER_WORKERS: '4' };
  const server = spawn(
    'php',
    [
      '-d',
      'max_input_vars=5000',
      '-d',
      'memory_limit=512M',
      '-d',
      'post_max_size=64M',
      '-d',
      'upload_max_filesize=64M',
      '-S',
      `127.0.0.1:${HTTP_PORT}`,
      '-t',
      wwwDir(),
    ],
    { cwd: wwwDir(), env, detached: true, stdio: ['ignore', 'ignore', 'ignore'] },
  );
  writeFileSync(join(base, 'php.pid'), String(server.pid));
  server.unref();
  for (let i = 0; i < 120; i++) {
    try {
      const response = await fetch(`${WWWROOT}/login/index.php`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(500);
    if (i === 119) throw new Error(`Moodle did not answer at ${WWWROOT}`);
  }
  log(`serving ${WWWROOT} (PostgreSQL on 127.0.0.1:${PG_PORT})`);
  return { url: WWWROOT, pgPort: PG_PORT, env, stop };
}

/** Stops the PHP server and PostgreSQL of this checkout's run, if running. */
export function stop(): void {
  const base = runDir();
  const pidFile = join(base, 'php.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8'));
    try {
      // The server and its workers are one process group (started detached).
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(pidFile, { force: true });
  }
  if (existsSync(join(base, 'pg'))) stopPostgres(join(base, 'pg'));
}

/** Runs a PHP CLI script inside the running Moodle (as config.php sees it for this run). */
export function php(script: string, args: string[] = []): string {
  return execFileSync('php', ['-d', 'memory_limit=512M', script, ...args], {
    cwd: wwwDir(),
    env: moodleEnv(runDir()),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** A query's rows as arrays of strings (psql, tab-separated). */
export function sql(query: string): string[][] {
  const out = run(
    'psql',
    [
      '-h',
      '127.0.0.1',
      '-p',
      String(PG_PORT),
      '-U',
      DB.user,
      '-d',
      DB.name,
      '-X',
      '-A',
      '-t',
      '-F',
      '\t',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      query,
    ],
    { env: { ...process.env, PGPASSWORD: DB.password } },
  );
  return out
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  const command = process.argv[2];
  if (command === 'install') install();
  else if (command === 'start') {
    install();
    const m = await start();
    console.log(m.url);
  } else if (command === 'stop') stop();
  else if (command === 'missing') console.log(missingPackages().join(' '));
  else {
    console.error('usage: node tests/lms/moodle.ts install|start|stop|missing');
    process.exitCode = 2;
  }
}
