// npm run build: dist/index.mjs, the ESM entry for Node and bundlers.
import { build } from 'esbuild'
import { writeFileSync } from 'node:fs'

const started = Date.now()
await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.mjs',
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2020',
  loader: { '.uts': 'ts' },
  inject: ['src/uni-globals.ts'],
  legalComments: 'none',
  logLevel: 'warning'
})
writeFileSync('dist/index.d.ts', [
  "export * from '../src/index'",
  ''
].join('\n'))
console.log(`dist/index.mjs built in ${Date.now() - started} ms`)
