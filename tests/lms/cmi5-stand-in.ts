import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { unzipSync } from 'fflate';
import { packageCmi5 } from '../../src/packaging/package-course.ts';

/**
 * A stand-in cmi5 LMS for the e2e test: packages the built site (`dist/`) as `npm run package`
 * writes the cmi5 zip, unzips it in memory and serves it under a deep path, and plays the parts
 * of an LMS an AU talks to: the one-time fetch URL (a second POST gets the spec's error), the
 * State API (LMS.LaunchData, and whatever the AU saves), the agent profile (none), and a
 * statements resource that records every statement in the order it arrived. Everything else
 * (launching, the `launched` statement, moveOn satisfaction) is the test's business.
 */

export const CONTENT = '/content/cmi5/';
export const RETURN = '/lms/return.html';

export interface Recorded {
  method: string;
  path: string;
  /** The auth token the request carried, if any. */
  token?: string;
}

export interface LaunchOptions {
  actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };
  registration: string;
  activityId: string;
  launchData: Record<string, unknown>;
}

export interface Cmi5Lms {
  origin: string;
  /** cmi5.xml as packaged. */
  courseStructure: string;
  /** Every statement taken, in order of arrival. */
  statements: Record<string, unknown>[];
  /** Every request to the fetch URL, the State API, the profile and the statements. */
  requests: Recorded[];
  /** What the fetch URL answered each time, in order. */
  fetchAnswers: unknown[];
  /** Puts a state document, as the LMS (or an earlier session) left it. */
  setState(launch: LaunchOptions, stateId: string, value: unknown): void;
  getState(launch: LaunchOptions, stateId: string): unknown;
  /** A fresh launch URL, with its own one-time fetch URL, after putting LMS.LaunchData as the spec requires. */
  launchUrl(launch: LaunchOptions): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  xml: 'application/xml',
  json: 'application/json',
};

const body = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

/** A state document's key, with the agent compared by its account (how an LRS identifies it). */
function stateKey(query: URLSearchParams): string {
  const agent = JSON.parse(query.get('agent') ?? '{}') as { account?: { homePage: string; name: string } };
  return [
    query.get('activityId'),
    agent.account?.homePage,
    agent.account?.name,
    query.get('registration') ?? '',
    query.get('stateId'),
  ].join('\n');
}

export async function startCmi5Lms(): Promise<Cmi5Lms> {
  const pkg = await packageCmi5({ root: process.cwd(), dist: 'dist', packageVersion: 'e2e' });
  const files = new Map<string, Uint8Array>();
  // Through the zip and back, so the test sees exactly what an LMS would unpack.
  for (const [path, data] of Object.entries(unzipSync(pkg.zip))) files.set(`${CONTENT}${path}`, data);
  files.set(RETURN, new TextEncoder().encode('<!doctype html><html lang="zh-CN"><title>学习平台</title><h1>已回到学习平台</h1></html>'));

  const tokens = new Map<string, { token: string; used: boolean }>();
  const valid = new Set<string>();
  const states = new Map<string, string>();
  const statements: Record<string, unknown>[] = [];
  const byId = new Map<string, string>();
  const requests: Recorded[] = [];
  const fetchAnswers: unknown[] = [];

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const path = decodeURIComponent(url.pathname);
      const json = (status: number, value?: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3' });
        response.end(value === undefined ? '' : JSON.stringify(value));
      };
      if (path.startsWith('/fetch/')) {
        requests.push({ method: request.method ?? '', path: '/fetch' });
        const entry = tokens.get(path.slice('/fetch/'.length));
        // cmi5 section 8.2: the fetch URL answers once; later requests get error 1 with status 200.
        const answer =
          request.method !== 'POST'
            ? { 'error-code': '3', 'error-text': 'POST only' }
            : !entry || entry.used
              ? { 'error-code': '1', 'error-text': 'this fetch URL was already used' }
              : { 'auth-token': entry.token };
        if (entry && request.method === 'POST') entry.used = true;
        fetchAnswers.push(answer);
        json(200, answer);
        return;
      }
      if (path.startsWith('/lrs/')) {
        const token = /^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1];
        const resource = path.slice('/lrs/'.length);
        requests.push({
          method: request.method ?? '',
          path: resource === 'activities/state' ? `state:${url.searchParams.get('stateId')}` : resource,
          ...(token ? { token } : {}),
        });
        if (!token || !valid.has(token)) return json(401, { error: 'no valid auth token' });
        if (resource === 'statements' && request.method === 'POST') {
          const sent = JSON.parse(await body(request)) as Record<string, unknown> | Record<string, unknown>[];
          const list = Array.isArray(sent) ? sent : [sent];
          // An xAPI LRS: a repeated id with the same statement is no change; with another, a conflict, and nothing of the batch is kept.
          if (list.some((s) => byId.has(String(s['id'])) && byId.get(String(s['id'])) !== JSON.stringify(s)))
            return json(409, { error: 'conflict' });
          for (const s of list) {
            if (byId.has(String(s['id']))) continue;
            byId.set(String(s['id']), JSON.stringify(s));
            statements.push(s);
          }
          return json(
            200,
            list.map((s) => s['id']),
          );
        }
        if (resource === 'activities/state') {
          const key = stateKey(url.searchParams);
          if (request.method === 'GET') {
            const value = states.get(key);
            if (value === undefined) return json(404);
            response.writeHead(200, { 'content-type': 'application/json' });
            response.end(value);
            return;
          }
          if (request.method === 'PUT' || request.method === 'POST') {
            if (url.searchParams.get('stateId') === 'LMS.LaunchData') return json(403, { error: 'the AU may not change LMS.LaunchData' });
            states.set(key, await body(request));
            return json(204);
          }
        }
        if (resource === 'agents/profile') return json(404);
        return json(400, { error: `not served: ${request.method} ${resource}` });
      }
      const file = files.get(path);
      if (!file) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      response.writeHead(200, {
        'content-type': TYPES[path.split('.').at(-1) ?? ''] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(file);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const key = (launch: LaunchOptions, stateId: string) =>
    stateKey(
      new URLSearchParams({
        activityId: launch.activityId,
        agent: JSON.stringify(launch.actor),
        registration: launch.registration,
        stateId,
      }),
    );

  return {
    origin,
    courseStructure: new TextDecoder().decode(pkg.files['cmi5.xml']),
    statements,
    requests,
    fetchAnswers,
    setState: (launch, stateId, value) => states.set(key(launch, stateId), JSON.stringify(value)),
    getState: (launch, stateId) => {
      const text = states.get(key(launch, stateId));
      return text === undefined ? undefined : (JSON.parse(text) as unknown);
    },
    launchUrl(launch) {
      states.set(key(launch, 'LMS.LaunchData'), JSON.stringify(launch.launchData));
      const id = randomUUID();
      const token = Buffer.from(`${id}:${randomUUID()}`).toString('base64');
      tokens.set(id, { token, used: false });
      valid.add(token);
      const query = new URLSearchParams({
        endpoint: `${origin}/lrs/`,
        fetch: `${origin}/fetch/${id}`,
        actor: JSON.stringify(launch.actor),
        registration: launch.registration,
        activityId: launch.activityId,
      });
      return `${origin}${CONTENT}cmi5/launch.html?${query}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
