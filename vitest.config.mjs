import { defineConfig } from 'vitest/config'

// .uts files of the engine are TypeScript-compatible UTS: compile them as TypeScript.
export default defineConfig({
  esbuild: { include: /\.(uts|ts|mts)$/, loader: 'ts' },
  test: {
    include: ['test/**/*.test.{mjs,ts}'],
    setupFiles: ['test/support/uni-globals.mjs'],
    testTimeout: 20000,
    hookTimeout: 60000
  }
})
