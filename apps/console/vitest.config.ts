import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/*.spec.{ts,tsx}'],
      setupFiles: ['src/test/setup.ts'],
      reporters: ['default', 'json'],
      outputFile: { json: '../../test-results/console.json' },
    },
  }),
);
