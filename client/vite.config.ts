import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { SERVER_PATH_PREFIXES } from './src/serverPaths.ts';

// The dev server forwards server paths to the API (./run serves it on 5080).
const apiOrigin = process.env.SUNSHINE_API_URL ?? 'http://127.0.0.1:5080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../src/Api/wwwroot',
    emptyOutDir: true,
    // AntD makes one chunk of about 1.5 MB (460 kB gzipped), served once from the API's own host.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // The help pages bundle the officers' guide and its screenshots from ../docs.
    fs: { allow: ['.', '../docs'] },
    proxy: Object.fromEntries(SERVER_PATH_PREFIXES.map((prefix) => [prefix, apiOrigin])),
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    reporters: ['default', 'json'],
    outputFile: { json: './.reports/unit.json' },
    testTimeout: 20000,
  },
});
