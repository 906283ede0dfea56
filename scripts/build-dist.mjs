// npm run build: the npm package's entry points, built from src/ and the plugin's shared UTS sources.
//   dist/index.mjs   ESM (Node, bundlers, browsers)
//   dist/index.cjs   CommonJS (require('connect-event-source'))
//   dist/index.d.ts  one self-contained declaration file (also copied to dist/index.d.cts for require under
//                    nodenext), generated from the sources: tsc emits declarations of a staged copy (.uts -> .ts,
//                    with the two uni-app x globals the interface names, UTSJSONObject and IUniError, given as
//                    module types), then rollup-plugin-dts bundles them into one file with no import.
//   dist/package.json, dist/README.md (from src/README.md), dist/LICENSE: dist/ is the npm package's folder
//                    (`npm pack ./dist`, `npm publish ./dist`), so it ships its own readme for Node and browser
//                    users rather than the repository's (npm always packs the README of the folder it packs).
// Usage: node scripts/build-dist.mjs [--no-types] [--out DIR (default dist)]
import { build } from 'esbuild'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outArg = process.argv.indexOf('--out')
const DIST = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(ROOT, 'dist')
const UTSSDK = 'uni_modules/connect-event-source/utssdk'

const started = Date.now()
const common = {
  absWorkingDir: ROOT,
  entryPoints: ['src/index.ts'],
  bundle: true,
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2020',
  loader: { '.uts': 'ts' },
  inject: ['src/uni-globals.ts'],
  legalComments: 'none',
  logLevel: 'warning'
}
await Promise.all([
  build({ ...common, outfile: path.join(DIST, 'index.mjs'), format: 'esm' }),
  build({ ...common, outfile: path.join(DIST, 'index.cjs'), format: 'cjs' })
])
writePackageFiles()
let types = ''
if (!process.argv.includes('--no-types')) {
  const t = Date.now()
  await buildTypes()
  types = `, types in ${Date.now() - t} ms`
}
console.log(`${path.relative(ROOT, DIST) || '.'}/index.mjs, index.cjs, package.json built in ${Date.now() - started} ms${types}`)

function writePackageFiles() {
  const root = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  const pkg = {
    name: root.name,
    version: root.version,
    description: 'Server-Sent Events client for Node and browsers: POST with headers and a JSON body (AI chat streaming), reconnect with Last-Event-ID and retry:, timeouts, AbortSignal, async iteration. The engine of the uni-app plugin of the same name.',
    keywords: ['sse', 'server-sent-events', 'eventsource', 'event-stream', 'fetch', 'post', 'ai', 'openai', 'stream', 'uni-app'],
    license: root.license,
    ...(root.repository ? { repository: root.repository } : {}),
    type: 'module',
    main: './index.cjs',
    module: './index.mjs',
    types: './index.d.ts',
    exports: {
      '.': {
        import: { types: './index.d.ts', default: './index.mjs' },
        require: { types: './index.d.cts', default: './index.cjs' }
      },
      './package.json': './package.json'
    },
    files: ['index.mjs', 'index.cjs', 'index.d.ts', 'index.d.cts'],
    sideEffects: false,
    engines: root.engines
  }
  fs.mkdirSync(DIST, { recursive: true })
  fs.writeFileSync(path.join(DIST, 'package.json'), JSON.stringify(pkg, null, 2) + '\n')
  fs.copyFileSync(path.join(ROOT, 'src/README.md'), path.join(DIST, 'README.md'))
  fs.copyFileSync(path.join(ROOT, 'LICENSE'), path.join(DIST, 'LICENSE'))
}

async function buildTypes() {
  const ts = (await import('typescript')).default
  const { rollup } = await import('rollup')
  const { dts } = await import('rollup-plugin-dts')
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'ces-types-'))
  try {
    const files = []
    const copy = (from, to) => {
      let code = fs.readFileSync(path.join(ROOT, from), 'utf8')
      // DCloud's @uniPlatform tables are for the plugin market, not npm users' editors.
      code = code.replace(/^[ \t]*\*[ \t]*@uniPlatform[\s\S]*?^[ \t]*\* \}[ \t]*\n/gm, '')
      code = code.replace(/(from\s+['"][^'"]+)\.uts(['"])/g, '$1$2').replace(/(import\s+['"][^'"]+)\.uts(['"])/g, '$1$2')
      const dest = path.join(stage, to)
      fs.mkdirSync(path.dirname(dest), { recursive: true })
      if (/\bUTSJSONObject\b|\bIUniError\b|\bUniError\b/.test(code) && !to.endsWith('uts-types.ts')) {
        const rel = path.relative(path.dirname(dest), path.join(stage, 'uts-types')).replace(/\\/g, '/')
        code = `import type { UTSJSONObject, IUniError } from '${rel.startsWith('.') ? rel : './' + rel}'\nimport { UniError } from '${rel.startsWith('.') ? rel : './' + rel}'\n` + code
      }
      fs.writeFileSync(dest, code)
      files.push(dest)
    }
    for (const f of fs.readdirSync(path.join(ROOT, 'src'))) if (f.endsWith('.ts')) copy(`src/${f}`, `src/${f}`)
    for (const dir of ['', 'common', 'web']) {
      for (const f of fs.readdirSync(path.join(ROOT, UTSSDK, dir))) {
        if (f.endsWith('.uts')) copy(path.join(UTSSDK, dir, f), path.join(UTSSDK, dir, f.replace(/\.uts$/, '.ts')))
      }
    }
    // What uni-app x declares globally, as JavaScript users see it.
    fs.writeFileSync(path.join(stage, 'uts-types.ts'), [
      '/** A JSON object (UTSJSONObject in uni-app x); in JavaScript a plain object. */',
      'export type UTSJSONObject = Record<string, any>',
      '/** The uni-app error shape: an Error with errSubject, errCode, errMsg, data and cause. */',
      'export interface IUniError extends Error { errSubject: string; errCode: number; errMsg: string; data?: any; cause?: any }',
      'export declare class UniError extends Error implements IUniError { errSubject: string; errCode: number; errMsg: string; data?: any; cause?: any }',
      ''
    ].join('\n'))
    const out = path.join(stage, 'out')
    const program = ts.createProgram([path.join(stage, 'src/index.ts')], {
      declaration: true,
      emitDeclarationOnly: true,
      outDir: out,
      rootDir: stage,
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      strict: false,
      skipLibCheck: true,
      stripInternal: true,
      types: []
    })
    const emitted = program.emit()
    const fatal = emitted.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error)
    if (emitted.emitSkipped || fatal.length) throw new Error('declaration emit failed:\n' + ts.formatDiagnostics(fatal, ts.createCompilerHost({})))
    const bundle = await rollup({ input: path.join(out, 'src/index.d.ts'), plugins: [dts({ respectExternal: true })], onwarn: (w) => { throw new Error(`types: ${w.message}`) } })
    const { output } = await bundle.generate({ format: 'es' })
    await bundle.close()
    const header = '// connect-event-source: generated by scripts/build-dist.mjs from src/index.ts and the plugin\'s utssdk sources.\n'
    const code = header + output[0].code
    fs.writeFileSync(path.join(DIST, 'index.d.ts'), code)
    fs.writeFileSync(path.join(DIST, 'index.d.cts'), code)
  } finally {
    fs.rmSync(stage, { recursive: true, force: true })
  }
}
