// npm run test:mutation: plants one realistic bug at a time (scripts/mutation/mutants.mjs) in a throwaway copy of
// the project and runs the test files chosen for that file; a mutant is killed when they fail. Never touches the
// working tree: the copy lives under the OS temp directory (node_modules and test/fixtures are linked, not copied).
//
//   node scripts/mutation.mjs [--root DIR] [--only id,id] [--file parser.uts] [--report out.json] [--keep] [--list] [--extra]
//
// --root: the project to copy (default: this repository), e.g. an older checkout made with `git worktree add`.
// Equivalent mutants (cannot change behaviour) are listed with their reasons and excluded from the score.
// --extra: the EXTRA mutants instead (other platforms' code, e.g. the Android transport on the JVM; not in the score).
// One vitest process at a time, one worker (--pool=forks singleFork), --bail=1: a killed mutant stops at its first failure.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const opt = (name) => { const i = args.indexOf(name); return i === -1 ? null : args[i + 1] }
const root = path.resolve(opt('--root') ?? path.join(HERE, '..'))
const only = opt('--only')?.split(',') ?? null
const fileFilter = opt('--file')
const report = opt('--report')
const keep = args.includes('--keep')
const { PLUGIN, TESTS, MUTANTS, EXTRA, EQUIVALENT, TIMEOUT_MS } = await import(pathToFileURL(path.join(HERE, 'mutation/mutants.mjs')).href)

const selected = (args.includes('--extra') ? EXTRA : MUTANTS).filter((m) => (!only || only.includes(m.id)) && (!fileFilter || m.file === fileFilter))
if (args.includes('--list')) {
  for (const m of selected) console.log(`${m.id.padEnd(34)} ${m.file.padEnd(34)} ${m.bug}`)
  process.exit(0)
}

// --- the copy -------------------------------------------------------------------------------------------------
const COPIED = ['package.json', 'vitest.config.mjs', 'tsconfig.json', 'manifest.json', 'pages.json', 'index.html', 'main.uts', 'App.uvue', 'vite.config.ts',
  'uni_modules', 'src', 'server', 'scripts', 'pages', 'common', 'components', 'static', 'bench']
const work = mkdtempSync(path.join(os.tmpdir(), 'mutation-'))
for (const entry of COPIED) {
  if (existsSync(path.join(root, entry))) cpSync(path.join(root, entry), path.join(work, entry), { recursive: true })
}
mkdirSync(path.join(work, 'test'))
for (const entry of readdirSync(path.join(root, 'test'))) {
  if (entry === 'fixtures') symlinkSync(path.join(root, 'test', entry), path.join(work, 'test', entry))
  else cpSync(path.join(root, 'test', entry), path.join(work, 'test', entry), { recursive: true })
}
// node_modules: a real directory of links to this repository's packages, so what the runs write there (vite's and
// vitest's caches under node_modules/.vite) stays in the copy.
const modules = path.join(HERE, '..', 'node_modules')
mkdirSync(path.join(work, 'node_modules'))
for (const entry of readdirSync(modules)) {
  if (entry !== '.vite' && entry !== '.cache') symlinkSync(path.join(modules, entry), path.join(work, 'node_modules', entry))
}
const cleanup = () => { if (!keep) rmSync(work, { recursive: true, force: true }) }
process.on('SIGINT', () => { cleanup(); process.exit(130) })

function runVitest(files) {
  const present = files.filter((f) => existsSync(path.join(work, f)))
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(process.execPath, [path.join(work, 'node_modules/vitest/vitest.mjs'), 'run', '--pool=forks', '--poolOptions.forks.singleFork=true',
      '--bail=1', '--reporter=dot', ...present], { cwd: work, env: { ...process.env, CI: '1', FORCE_COLOR: '0', NO_COLOR: '1' }, detached: true })
    let out = ''
    child.stdout.on('data', (d) => { out += d })
    child.stderr.on('data', (d) => { out += d })
    const timer = setTimeout(() => { out += '\n[mutation] timed out'; try { process.kill(-child.pid, 'SIGKILL') } catch {} }, TIMEOUT_MS)
    child.on('close', (code) => {
      clearTimeout(timer)
      out = out.replace(/\x1b\[[0-9;]*m/g, '')
      resolve({ ok: code === 0, code, out, ms: Date.now() - started, files: present })
    })
  })
}

function firstFailure(out) {
  const m = out.match(/FAIL\s+(test\/\S+)[ >]*([^\n]*)\n/)
  return m ? `${m[1]}${m[2] ? ' > ' + m[2].trim() : ''}` : out.includes('timed out') ? 'timeout' : 'non-zero exit'
}

const filesFor = (m) => [...new Set([...(m.tests ?? []), ...(TESTS[m.file] ?? [])])]
const started = Date.now()
console.log(`[mutation] project ${root} copied to ${work}; ${selected.length} mutants, ${EQUIVALENT.length} listed as equivalent`)

// Baseline: every test file used must pass unmutated, or a "kill" would mean nothing.
const baselineFiles = [...new Set(selected.flatMap(filesFor))]
const base = await runVitest(baselineFiles.filter((f) => !f.includes('mp-weixin')))
const needsMp = baselineFiles.some((f) => f.includes('mp-weixin'))
const baseMp = needsMp ? await runVitest(baselineFiles.filter((f) => f.includes('mp-weixin'))) : { ok: true, ms: 0 }
if (!base.ok || !baseMp.ok) {
  console.log((base.ok ? baseMp : base).out.slice(-6000))
  console.log('[mutation] the unmutated tests fail: fix that first')
  cleanup()
  process.exit(2)
}
console.log(`[mutation] baseline passes (${base.files.length} files, ${Math.round((base.ms + baseMp.ms) / 1000)} s)`)

const results = []
for (const m of selected) {
  const file = path.join(work, PLUGIN, m.file)
  const original = readFileSync(file, 'utf8')
  // from/to may list alternatives (the same bug in an older or newer form of the code): the first that applies.
  const froms = Array.isArray(m.from) ? m.from : [m.from]
  const tos = Array.isArray(m.to) ? m.to : froms.map(() => m.to)
  const at = m.at ?? 1
  const pick = froms.findIndex((f) => { const n = original.split(f).length - 1; return m.at == null ? n === 1 : n >= at })
  if (pick === -1) {
    results.push({ id: m.id, file: m.file, bug: m.bug, status: 'not-applicable', detail: `"${froms[0].slice(0, 60)}" not found exactly as expected` })
    console.log(`  ?  ${m.id}: source not found`)
    continue
  }
  const parts = original.split(froms[pick])
  const mutated = parts.slice(0, at).join(froms[pick]) + tos[pick] + parts.slice(at).join(froms[pick])
  writeFileSync(file, mutated)
  try {
    // Two stages: the mutated file's most direct tests first (one vitest start), the rest only if they all passed.
    const files = filesFor(m)
    let r = await runVitest(files.slice(0, 3))
    if (r.ok && files.length > 3) {
      const rest = await runVitest(files.slice(3))
      r = { ...rest, ms: r.ms + rest.ms }
    }
    const status = r.ok ? 'survived' : 'killed'
    const detail = r.ok ? '' : firstFailure(r.out)
    results.push({ id: m.id, file: m.file, bug: m.bug, status, detail, ms: r.ms })
    console.log(`  ${status === 'killed' ? 'x' : 'o'}  ${m.id.padEnd(34)} ${status.padEnd(8)} ${String(Math.round(r.ms / 100) / 10).padStart(5)} s  ${detail}`)
  } finally {
    writeFileSync(file, original)
  }
}

const killed = results.filter((r) => r.status === 'killed')
const survived = results.filter((r) => r.status === 'survived')
const na = results.filter((r) => r.status === 'not-applicable')
const scored = killed.length + survived.length
const score = scored === 0 ? 0 : (100 * killed.length) / scored
console.log(`\n[mutation] killed (${killed.length}):`)
for (const r of killed) console.log(`  ${r.id} (${r.file}): ${r.bug}\n      by ${r.detail}`)
console.log(`\n[mutation] survived (${survived.length}):`)
for (const r of survived) console.log(`  ${r.id} (${r.file}): ${r.bug}`)
if (na.length) {
  console.log(`\n[mutation] not applicable to this tree (${na.length}):`)
  for (const r of na) console.log(`  ${r.id} (${r.file}): ${r.detail}`)
}
console.log(`\n[mutation] equivalent, excluded from the score (${EQUIVALENT.length}):`)
for (const e of EQUIVALENT) console.log(`  ${e.id} (${e.file}): ${e.bug}\n      equivalent: ${e.reason}`)
console.log(`\n[mutation] score: ${killed.length}/${scored} killed = ${score.toFixed(1)}% (${Math.round((Date.now() - started) / 1000)} s)`)
if (report) writeFileSync(path.resolve(report), JSON.stringify({ root, score, killed, survived, notApplicable: na, equivalent: EQUIVALENT }, null, 2))
cleanup()
process.exit(0)
