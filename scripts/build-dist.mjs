// npm run build: the npm package's entry points, built from src/ and the plugin's shared UTS sources.
//   dist/index.mjs   ESM (Node, bundlers, browsers)
//   dist/index.cjs   CommonJS (require('connect-event-source'))
//   dist/index.d.ts  one self-contained declaration file (also copied to dist/index.d.cts for require under
//                    nodenext), generated from the sources: tsc emits declarations of a staged copy (.uts -> .ts,
//                    with the two uni-app x globals the interface names, UTSJSONObject and IUniError, given as
//                    module types), then rollup-plugin-dts bundles them into one file with no import.
//   uni_modules/connect-event-source/types/  index.d.ts + uts-globals.d.ts for uni-app Vue 3 CLI projects, whose
//                    type checker (vue-tsc) cannot read .uts (written only when their content changes);
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

function writePackageFiles() {
  const root = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  const pkg = {
    name: root.name,
    version: root.version,
    description: 'Server-Sent Events client for Node and browsers: POST with headers and a JSON body (AI chat streaming), reconnect with Last-Event-ID and retry:, timeouts, AbortSignal, async iteration. The engine of the uni-app plugin of the same name.',
    keywords: ['sse', 'server-sent-events', 'eventsource', 'event-stream', 'fetch', 'post', 'ai', 'openai', 'stream', 'uni-app'],
    license: root.license,
    // Placeholders on example.com until the repository has a public address (README, "Releasing").
    repository: root.repository,
    homepage: root.homepage,
    bugs: root.bugs,
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

// The uni-app x globals the interface names, as JavaScript sees them: module types for the npm package,
// globals (only where a project has none) for uni-app CLI projects.
const UTS_TYPES = [
  '/** A JSON object (UTSJSONObject in uni-app x); in JavaScript a plain object. */',
  'type UTSJSONObject = Record<string, any>',
  '/** The uni-app error shape: an Error with errSubject, errCode, errMsg, data and cause. */',
  'interface IUniError extends Error { errSubject: string; errCode: number; errMsg: string; data?: any; cause?: any }'
]

/**
 * Declarations of one entry, bundled into one file: the sources are staged as .ts (imports without .uts,
 * @uniPlatform tables dropped), tsc emits declarations, rollup-plugin-dts bundles them from `entry`.
 * shims: give UTSJSONObject/IUniError/UniError as module types (npm) instead of leaving them global (plugin).
 */
export async function bundleDeclarations({ entry, entryCode = null, shims }) {
  const ts = (await import('typescript')).default
  const { rollup } = await import('rollup')
  const { dts } = await import('rollup-plugin-dts')
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'ces-types-'))
  try {
    const copy = (from, to, code = fs.readFileSync(path.join(ROOT, from), 'utf8')) => {
      // DCloud's @uniPlatform tables are for the plugin market, not editors.
      code = code.replace(/^[ \t]*\*[ \t]*@uniPlatform[\s\S]*?^[ \t]*\* \}[ \t]*\n/gm, '')
      code = code.replace(/(from\s+['"][^'"]+)\.uts(['"])/g, '$1$2').replace(/(import\s+['"][^'"]+)\.uts(['"])/g, '$1$2')
      const dest = path.join(stage, to)
      fs.mkdirSync(path.dirname(dest), { recursive: true })
      if (shims && /\bUTSJSONObject\b|\bIUniError\b|\bUniError\b/.test(code)) {
        let rel = path.relative(path.dirname(dest), path.join(stage, 'uts-types')).replace(/\\/g, '/')
        if (!rel.startsWith('.')) rel = './' + rel
        code = `import type { UTSJSONObject, IUniError } from '${rel}'\nimport { UniError } from '${rel}'\n` + code
      }
      fs.writeFileSync(dest, code)
    }
    for (const f of fs.readdirSync(path.join(ROOT, 'src'))) if (f.endsWith('.ts')) copy(`src/${f}`, `src/${f}`)
    for (const dir of ['', 'common', 'web']) {
      for (const f of fs.readdirSync(path.join(ROOT, UTSSDK, dir))) {
        if (f.endsWith('.uts')) copy(path.join(UTSSDK, dir, f), path.join(UTSSDK, dir, f.replace(/\.uts$/, '.ts')))
      }
    }
    if (entryCode != null) copy(null, entry.replace(/\.d\.ts$/, '.ts'), entryCode)
    if (shims) {
      fs.writeFileSync(path.join(stage, 'uts-types.ts'), [...UTS_TYPES.map((l) => (/^(type|interface)/.test(l) ? 'export ' + l : l)),
        'export declare class UniError extends Error implements IUniError { errSubject: string; errCode: number; errMsg: string; data?: any; cause?: any }', ''].join('\n'))
    } else {
      fs.writeFileSync(path.join(stage, 'uts-globals.d.ts'), [...UTS_TYPES, 'declare class UniError extends Error implements IUniError { errSubject: string; errCode: number; errMsg: string; data?: any; cause?: any }', ''].join('\n'))
    }
    const out = path.join(stage, 'out')
    const roots = [path.join(stage, entry.replace(/\.d\.ts$/, '.ts'))]
    if (!shims) roots.push(path.join(stage, 'uts-globals.d.ts'))
    const program = ts.createProgram(roots, {
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
    const bundle = await rollup({ input: path.join(out, entry), plugins: [dts({ respectExternal: true })], onwarn: (w) => { throw new Error(`types: ${w.message}`) } })
    const { output } = await bundle.generate({ format: 'es' })
    await bundle.close()
    return output[0].code
  } finally {
    fs.rmSync(stage, { recursive: true, force: true })
  }
}

async function buildTypes() {
  const header = '// connect-event-source: generated by scripts/build-dist.mjs from src/index.ts and the plugin\'s utssdk sources.\n'
  const code = header + (await bundleDeclarations({ entry: 'src/index.d.ts', shims: true }))
  fs.writeFileSync(path.join(DIST, 'index.d.ts'), code)
  fs.writeFileSync(path.join(DIST, 'index.d.cts'), code)
}

// For uni-app (Vue 3) CLI projects, whose type checkers (vue-tsc) cannot read .uts: the plugin's public API
// as one declaration file plus the two uni-app x globals it names (docs: the plugin readme, "CLI projects").
export const PLUGIN_TYPES_DIR = path.join(ROOT, 'uni_modules/connect-event-source/types')
export async function pluginTypes() {
  const header = [
    '// connect-event-source for type checkers that cannot read .uts (vue-tsc in uni-app Vue 3 CLI projects).',
    '// Generated by scripts/build-dist.mjs from utssdk/interface.uts: do not edit. tsconfig.json "paths":',
    '//   "@/uni_modules/connect-event-source": ["./src/uni_modules/connect-event-source/types/index.d.ts"]',
    '/// <reference path="./uts-globals.d.ts" />',
    ''
  ].join('\n')
  // The functions every platform's index.uts exports (`export const connectEventSource : ConnectEventSource = ...`),
  // declared with their interface.uts types; web/index.uts is the reference.
  const web = fs.readFileSync(path.join(ROOT, UTSSDK, 'web/index.uts'), 'utf8')
  const values = [...web.matchAll(/^export const (\w+)\s*:\s*(\w+)\s*=/gm)].map((m) => ({ name: m[1], type: m[2] }))
  if (!values.some((v) => v.name === 'connectEventSource')) throw new Error('web/index.uts exports no connectEventSource')
  const entryCode = [
    `import type { ${[...new Set(values.map((v) => v.type))].join(', ')} } from '../utssdk/interface.uts'`,
    "export * from '../utssdk/interface.uts'",
    ...values.map((v) => `export declare const ${v.name}: ${v.type}`),
    ''
  ].join('\n')
  const index = header + (await bundleDeclarations({ entry: 'uni_modules/connect-event-source/types/index.d.ts', entryCode, shims: false }))
  const globals = [
    '// The uni-app x globals that connect-event-source\'s declarations (and typical page code) name, for projects',
    '// whose typings lack them (uni-app Vue 3 CLI with @dcloudio/types). Generated by scripts/build-dist.mjs.',
    ...UTS_TYPES,
    ''
  ].join('\n')
  return { 'index.d.ts': index, 'uts-globals.d.ts': globals }
}
async function writePluginTypes() {
  fs.mkdirSync(PLUGIN_TYPES_DIR, { recursive: true })
  for (const [name, code] of Object.entries(await pluginTypes())) {
    const file = path.join(PLUGIN_TYPES_DIR, name)
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== code) fs.writeFileSync(file, code)
  }
}

// Last: the module-level constants above must be initialized first.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now()
  await Promise.all([
    build({ ...common, outfile: path.join(DIST, 'index.mjs'), format: 'esm' }),
    build({ ...common, outfile: path.join(DIST, 'index.cjs'), format: 'cjs' })
  ])
  writePackageFiles()
  let types = ''
  if (!process.argv.includes('--no-types')) {
    const t = Date.now()
    // The plugin's declarations (uni_modules/connect-event-source/types/) only from a build of ./dist.
    await Promise.all([buildTypes(), outArg > 0 ? null : writePluginTypes()])
    types = `, types in ${Date.now() - t} ms`
  }
  console.log(`${path.relative(ROOT, DIST) || '.'}/index.mjs, index.cjs, package.json built in ${Date.now() - started} ms${types}`)
}
