import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** The dashboard (run from this folder): built into dist/ and served by the gateway at `/` beside `/graphql`. */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2_000 },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.ts', 'src/**/*.spec.tsx'],
    setupFiles: ['src/test-setup.ts'],
  },
});
