import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { joinUrl } from '../../src/domain/present/join-url.ts';

describe('joinUrl', () => {
  test('puts the activity’s path on the server the slides come from', () => {
    expect(joinUrl('http://192.168.1.20:4321', '/quizzes/personality-types/')).toBe('http://192.168.1.20:4321/quizzes/personality-types/');
    expect(joinUrl('https://training.example.com', '/course/assessments/communication-style/')).toBe(
      'https://training.example.com/course/assessments/communication-style/',
    );
    expect(joinUrl('http://[::1]:8080', '/quizzes/x/')).toBe('http://[::1]:8080/quizzes/x/');
  });

  test('gives no address when the course is opened from files or the origin is not a web address', () => {
    expect(joinUrl('null', '/quizzes/x/')).toBeUndefined();
    expect(joinUrl('file://', '/quizzes/x/')).toBeUndefined();
    expect(joinUrl('', '/quizzes/x/')).toBeUndefined();
  });

  test('refuses a path that would leave the server (protocol-relative) or is not site-absolute', () => {
    expect(joinUrl('http://localhost:4321', '//evil.example/quizzes/')).toBeUndefined();
    expect(joinUrl('http://localhost:4321', 'quizzes/x/')).toBeUndefined();
  });

  test('for any host and path, the address stays on that host and ends with the path', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(
        fc.domain(),
        fc.integer({ min: 1, max: 65535 }),
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        (host, port, parts) => {
          const origin = `http://${host}:${port}`;
          const path = `/${parts.join('/')}/`;
          const url = new URL(joinUrl(origin, path) ?? 'about:blank');
          expect(url.origin).toBe(new URL(origin).origin);
          expect(url.pathname).toBe(path);
        },
      ),
    );
  });
});
