import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

/** `--mode e2e` builds the client with its test hooks into dist/client-e2e; production has none. */
export default defineConfig(({ mode }) => ({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: mode === 'e2e' ? '../dist/client-e2e' : '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/healthz': 'http://127.0.0.1:8080',
      '/ws': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
  test: {
    root: '.',
    include: ['{client,server,shared,tests}/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration and browser tests start real servers; two cores are all we have.
    fileParallelism: true,
    maxWorkers: 2,
  },
}))
