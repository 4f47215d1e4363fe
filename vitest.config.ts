import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Fixture projects are real TypeScript programs; loading one takes seconds on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
