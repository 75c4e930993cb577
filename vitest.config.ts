/**
 * Tests run on machines that may be busy (CI shares its cores): a test or hook is given minutes,
 * not vitest's default seconds, so a slow machine does not fail a correct test. Speed is measured
 * by the benchmarks in bench/, never by a timeout here.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
