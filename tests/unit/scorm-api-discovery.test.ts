import { describe, expect, it } from 'vitest';
import { findLmsApi, type WindowLike } from '../../src/lms/scorm/api-discovery.ts';

const api12 = () =>
  Object.fromEntries(
    [
      'LMSInitialize',
      'LMSFinish',
      'LMSGetValue',
      'LMSSetValue',
      'LMSCommit',
      'LMSGetLastError',
      'LMSGetErrorString',
      'LMSGetDiagnostic',
    ].map((n) => [n, () => 'true']),
  );
const api2004 = () =>
  Object.fromEntries(
    ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'].map((n) => [
      n,
      () => 'true',
    ]),
  );

type FakeWindow = { parent: FakeWindow | null; opener?: FakeWindow | null; top?: FakeWindow | null; [key: string]: unknown };

/** A chain of windows, the first the innermost; each one's parent is the next; the last is its own parent (a top window). */
function chain(...extras: Record<string, unknown>[]): FakeWindow[] {
  const wins: FakeWindow[] = extras.map((extra) => ({ parent: null, ...extra }));
  wins.forEach((w, i) => (w.parent = wins[i + 1] ?? w));
  const top = wins.at(-1)!;
  for (const w of wins) w.top = top;
  return wins;
}

/** A window of another origin: touching anything on it throws, as browsers do. */
function foreign(parent: FakeWindow | null): FakeWindow {
  return new Proxy({ parent } as FakeWindow, {
    get(target, key) {
      if (key === 'parent') return target.parent;
      throw new DOMException('Blocked a frame with origin "http://lms" from accessing a cross-origin frame.', 'SecurityError');
    },
  });
}

describe('finding the LMS API', () => {
  it('finds SCORM 1.2’s API two frames up, as an LMS player nests the course', () => {
    const [launch, , lms] = chain({}, {}, { API: api12() });
    const found = findLmsApi(launch as WindowLike, '1.2');
    expect(found).toMatchObject({ version: '1.2', where: 'this window → parent 2' });
    expect(found?.api).toBe(lms!['API']);
  });

  it('finds it on the opener’s chain when the LMS opened the course in a pop-up', () => {
    const [player, lms] = chain({}, { API_1484_11: api2004() });
    const [popup] = chain({ opener: player });
    expect(findLmsApi(popup as WindowLike, '2004')).toMatchObject({
      version: '2004',
      where: 'opener → parent 1',
      api: lms!['API_1484_11'],
    });
  });

  it('finds it through the top window’s opener when the course is framed inside a pop-up', () => {
    const [lms] = chain({ API: api12() });
    const [frame, popupTop] = chain({}, { opener: lms });
    expect(popupTop).toBeDefined();
    expect(findLmsApi(frame as WindowLike, '1.2')).toMatchObject({ where: 'top opener' });
  });

  it('prefers the package’s own version, and falls back to the other when the LMS offers only that', () => {
    const [launch] = chain({}, { API: api12(), API_1484_11: api2004() });
    expect(findLmsApi(launch as WindowLike, '2004')?.version).toBe('2004');
    expect(findLmsApi(launch as WindowLike, '1.2')?.version).toBe('1.2');
    const [only2004] = chain({}, { API_1484_11: api2004() });
    expect(findLmsApi(only2004 as WindowLike, '1.2')?.version).toBe('2004');
  });

  it('passes over frames of another origin without failing', () => {
    const lms: FakeWindow = { parent: null, API: api12() };
    lms.parent = lms;
    const middle = foreign(lms);
    const launch: FakeWindow = { parent: middle };
    expect(findLmsApi(launch as WindowLike, '1.2')?.api).toBe(lms['API']);
  });

  it('ignores an object named API that lacks the functions of the standard', () => {
    const [launch] = chain({}, { API: { LMSInitialize: () => 'true' } });
    expect(findLmsApi(launch as WindowLike, '1.2')).toBeUndefined();
  });

  it('finds nothing on a website with no LMS, and gives up after 500 levels as the ADL algorithm does', () => {
    expect(findLmsApi(chain({})[0] as WindowLike, '1.2')).toBeUndefined();
    const deep = chain(...Array.from({ length: 502 }, () => ({})), { API: api12() });
    expect(findLmsApi(deep[0] as WindowLike, '1.2')).toBeUndefined();
    expect(findLmsApi(deep[10] as WindowLike, '1.2')).toBeDefined();
  });
});
