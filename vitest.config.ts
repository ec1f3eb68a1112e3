import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Property tests and checks over the whole course take a few seconds on an idle 2-core machine
    // and several times that on a loaded one; the default 5 s would fail them for the machine's load.
    testTimeout: 30_000,
  },
});
