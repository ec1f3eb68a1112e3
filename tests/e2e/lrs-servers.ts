import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The servers the LRS journey needs, started and stopped by the spec on 127.0.0.1:
 *   - a real LRS: `xapi-statements` (Learning Locker's statements service) with its in-memory store
 *     and its test authentication, which takes any Basic key as one client;
 *   - a pass-through in front of it that records what the course sent and can be told to refuse a
 *     statement (400) or to be down (503), which the LRS itself cannot be made to do on purpose;
 *   - the course built with `PUBLIC_LRS_ENDPOINT` pointing at the pass-through, into `dist-lrs/`,
 *     served by `astro preview`.
 * Ports are per checkout (several worktrees may run at once), like playwright.config.ts's.
 */

const checkoutHash = [...process.cwd()].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 997, 7) % 500;
export const LRS_PORT = 19_000 + checkoutHash;
export const PROXY_PORT = 19_500 + checkoutHash;
export const SITE_PORT = 20_000 + checkoutHash;
export const LRS_DIST = 'dist-lrs';
export const ENDPOINT = `http://127.0.0.1:${PROXY_PORT}/xAPI/`;
export const SITE = `http://127.0.0.1:${SITE_PORT}/`;
const LRS_KEY = 'course-write-key:not-a-secret';
const READ_AUTH = `Basic ${btoa('hr-reader:also-test')}`;

const waitFor = async (url: string, ms: number): Promise<void> => {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not come up within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
};

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${errors}`))));
  });
}

/** Builds the course with the LRS configured; LRS_REUSE_DIST=1 keeps an earlier `dist-lrs/` (when iterating on the spec). */
export async function buildWithLrs(): Promise<void> {
  if (process.env['LRS_REUSE_DIST'] === '1' && existsSync(join(LRS_DIST, 'index.html'))) return;
  await run('npx', ['astro', 'build', '--outDir', LRS_DIST], {
    ASTRO_TELEMETRY_DISABLED: '1',
    PUBLIC_LRS_ENDPOINT: ENDPOINT,
    PUBLIC_LRS_AUTH: LRS_KEY,
  });
}

export interface Sent {
  id: string;
  statement: Record<string, unknown>;
  status: number;
}

/** What the pass-through does with the next statements. */
export interface ProxyControl {
  /** Everything the course sent, with the status it got. */
  sent: Sent[];
  /** Answer 503 to everything. */
  down: boolean;
  /** Answer 400 to statements about an object whose id ends so. */
  refuseObjectsEndingWith?: string | undefined;
  /** Answer 401 to requests with this Authorization header (the test LRS takes any key). */
  refuseAuthorization?: string | undefined;
}

const readBody = (stream: NodeJS.ReadableStream): Promise<Buffer> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });

function startProxy(control: ProxyControl): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const cors = { 'access-control-allow-origin': req.headers.origin ?? '*', 'access-control-allow-credentials': 'true' };
      const statements =
        req.method === 'POST' || req.method === 'PUT' ? ([JSON.parse(body.toString() || 'null')].flat() as Record<string, unknown>[]) : [];
      const object = (s: Record<string, unknown>) => String((s['object'] as { id?: string } | undefined)?.id ?? '');
      const refuse = control.refuseObjectsEndingWith;
      const answer = (status: number, text: string) => {
        for (const s of statements) control.sent.push({ id: String(s['id']), statement: s, status });
        res.writeHead(status, { ...cors, 'content-type': 'application/json' }).end(text);
      };
      if (req.method !== 'OPTIONS' && control.down) return answer(503, '{"message":"down for the test"}');
      if (req.method !== 'OPTIONS' && control.refuseAuthorization && req.headers.authorization === control.refuseAuthorization)
        return answer(401, '{"message":"unknown key"}');
      if (refuse && statements.some((s) => object(s).endsWith(refuse)))
        return answer(400, '{"message":"refused by the test: object not accepted"}');
      const upstream = httpRequest(
        {
          host: '127.0.0.1',
          port: LRS_PORT,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: `127.0.0.1:${LRS_PORT}` },
        },
        (lrs) => {
          void readBody(lrs).then((text) => {
            for (const s of statements) control.sent.push({ id: String(s['id']), statement: s, status: lrs.statusCode ?? 0 });
            res.writeHead(lrs.statusCode ?? 502, lrs.headers).end(text);
          });
        },
      );
      upstream.on('error', () => answer(502, '{"message":"LRS unreachable"}'));
      upstream.end(body);
    })();
  });
  return new Promise((resolve) => server.listen(PROXY_PORT, '127.0.0.1', () => resolve(server)));
}

export interface LrsServers {
  control: ProxyControl;
  /** Every statement the LRS holds, read directly from it (not through the pass-through). */
  stored(): Promise<Record<string, unknown>[]>;
  /** Puts statements into the LRS directly, as anyone holding the write key could. */
  store(statements: Record<string, unknown>[]): Promise<number>;
  stop(): Promise<void>;
}

export async function startLrsServers(): Promise<LrsServers> {
  const storage = mkdtempSync(join(tmpdir(), 'lrs-'));
  // Run from a directory of its own: the service reads a `.env` from where it starts.
  const lrs: ChildProcess = spawn(process.execPath, [join(process.cwd(), 'node_modules/xapi-statements/dist/index.js')], {
    cwd: storage,
    env: {
      ...process.env,
      EXPRESS_PORT: String(LRS_PORT),
      // In memory, no Redis, no Mongo: the service's own test facades for events and authentication.
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'local',
      EVENTS_REPO: 'test',
      AUTH_REPO: 'test',
      FS_LOCAL_STORAGE_DIR: join(storage, 'files'),
      EXPRESS_MORGAN_DIRECTORY: join(storage, 'logs'),
      WINSTON_CONSOLE_LEVEL: 'error',
    },
    stdio: 'ignore',
  });
  const control: ProxyControl = { sent: [], down: false };
  const proxy = await startProxy(control);
  const site = spawn(
    'npx',
    ['astro', 'preview', '--outDir', LRS_DIST, '--port', String(SITE_PORT), '--host', '127.0.0.1', '--ignore-lock'],
    {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
      detached: true,
    },
  );
  await waitFor(`http://127.0.0.1:${LRS_PORT}/xAPI/about`, 30_000);
  await waitFor(SITE, 60_000);

  return {
    control,
    async stored() {
      const all: Record<string, unknown>[] = [];
      let next = `http://127.0.0.1:${LRS_PORT}/xAPI/statements?limit=100`;
      for (let page = 0; page < 50 && next; page++) {
        const response = await fetch(next, { headers: { Authorization: READ_AUTH, 'X-Experience-API-Version': '1.0.3' } });
        const body = (await response.json()) as { statements: Record<string, unknown>[]; more?: string };
        all.push(...body.statements);
        next = body.more ? new URL(body.more, `http://127.0.0.1:${LRS_PORT}`).href : '';
      }
      return all;
    },
    async store(statements) {
      const response = await fetch(`http://127.0.0.1:${LRS_PORT}/xAPI/statements`, {
        method: 'POST',
        headers: { Authorization: READ_AUTH, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
        body: JSON.stringify(statements),
      });
      return response.status;
    },
    async stop() {
      await new Promise((resolve) => proxy.close(resolve));
      lrs.kill();
      // `npx` starts the preview server as its child: stop the whole group it leads.
      if (site.pid) process.kill(-site.pid);
      rmSync(storage, { recursive: true, force: true });
    },
  };
}
