import { defineConfig } from 'vitest/config'

// .uts files of the engine are TypeScript-compatible UTS: compile them as TypeScript.
// JSON.parse in .uts becomes UTS.JSON.parse (UTSJSONObject results), as DCloud's compiler emits for Web and
// mini-programs (seen in the H5 and mp-weixin builds: `UTS.JSON.parse(...)`); test/support/uni-globals.mjs gives UTS.
const utsJson = {
  name: 'uts-json-parse',
  enforce: 'pre',
  transform(code, id) {
    if (id.endsWith('.uts') && code.includes('JSON.parse(')) return { code: code.replace(/(?<![\w.])JSON\.parse\(/g, 'UTS.JSON.parse('), map: null }
  }
}

export default defineConfig({
  plugins: [utsJson],
  esbuild: { include: /\.(uts|ts|mts)$/, loader: 'ts' },
  test: {
    include: ['test/**/*.test.{mjs,ts}'],
    setupFiles: ['test/support/uni-globals.mjs'],
    testTimeout: 20000,
    hookTimeout: 60000
  }
})
