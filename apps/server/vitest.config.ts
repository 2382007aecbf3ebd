import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC emits the decorator metadata NestJS needs for dependency injection; Vite's own
// transform does not.
export default defineConfig({
  plugins: [
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
      },
    }),
  ],
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration suites each create their own database; running files one at a time keeps
    // the 2-core CI machine from timing out.
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: '../../test-results/server.json' },
  },
});
