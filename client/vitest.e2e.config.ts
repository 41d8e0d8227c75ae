import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium against a running API (E2E_BASE_URL).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 180000,
    hookTimeout: 180000,
    reporters: ['default', 'json'],
    outputFile: { json: './.reports/e2e.json' },
  },
});
