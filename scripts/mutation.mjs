// npm run test:mutation: generates mutants from each source file's syntax tree (scripts/mutation/generate.mjs,
// Stryker's mutator set), applies them one at a time in a throwaway copy of the project and runs the tests that
// execute the mutated statement (per-test coverage, scripts/mutation/coverage.mjs, from one instrumented run of the
// test files that reach each source, scripts/mutation/targets.mjs); a mutant is killed when one of them fails. Sources
// reached only through a build (BUILT in targets.mjs) also run those whole test files when the covering tests pass.
// Never touches the working tree: the copy lives under the OS temp directory (node_modules and test/fixtures are
// linked, not copied).
//
//   node scripts/mutation.mjs [--file options.uts[,url.uts]] [--mutator StringLiteral] [--key text] [--sample N]
//                             [--report out.json] [--list] [--keep] [--root DIR] [--extra]
//
// --file: the targets whose path ends with one of these (e.g. common/options.uts, chat/, src/index.ts).
// --sample N: every N-th mutant only (a quick estimate; the score printed says so).
// --slow MS: a test that took longer than MS in the coverage run (default 2000) runs only for mutants that no faster
//   test executes; a mutant only such a test would kill then counts as survived (the score is a lower bound).
//   --slow 0 runs every covering test, as Stryker does.
// --survivors-of report.json: only the survivors of an earlier run (--report), e.g. after adding tests for them.
// --list: print the mutants with their keys and stop. --extra: the hand-written Kotlin mutants (scripts/mutation/kotlin-mutants.mjs).
// Equivalent mutants (scripts/mutation/equivalent.mjs, by key) are not run and not scored; they are printed with the reason.
// One vitest process at a time, one worker, --bail=1: a killed mutant stops at its first failure.
import { fork, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { applyMutant, generateMutants } from './mutation/generate.mjs'
import { BUILT_TESTS, PLUGIN, shortName, targetFiles, testMap } from './mutation/targets.mjs'
import { instrument, statementOf } from './mutation/coverage.mjs'
import { EQUIVALENT } from './mutation/equivalent.mjs'
import { KOTLIN_MUTANTS } from './mutation/kotlin-mutants.mjs'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const opt = (name) => { const i = args.indexOf(name); return i === -1 ? null : args[i + 1] }
const root = path.resolve(opt('--root') ?? path.join(HERE, '..'))
const fileFilter = opt('--file')?.split(',') ?? null
const mutatorFilter = opt('--mutator')?.split(',') ?? null
const keyFilter = opt('--key')
// --survivors-of report.json: only the mutants that survived (or had no coverage) in that earlier run, as Stryker's
// incremental mode re-runs what may have changed; the score printed is over those only.
const survivorsOf = opt('--survivors-of')
const survivorKeys = survivorsOf ? new Set(JSON.parse(readFileSync(path.resolve(survivorsOf), 'utf8')).results.filter((r) => r.status === 'survived' || r.status === 'no coverage').map((r) => r.key)) : null
const sample = Number(opt('--sample') ?? 1)
const report = opt('--report')
const keep = args.includes('--keep')
const slowMs = Number(opt('--slow') ?? 2000)
const started = Date.now()
const seconds = (ms) => `${Math.round(ms / 100) / 10} s`
const equivalentBy = new Map(EQUIVALENT.map((e) => [e.key, e]))

// --- which mutants ---------------------------------------------------------------------------------------------
const targets = targetFiles(root).filter((t) => !fileFilter || fileFilter.some((f) => t.endsWith(f) || shortName(t).includes(f)))
const map = testMap(root, targets)
let mutants = []
// Each target's text as its mutants were generated from, read once: the copy gets exactly this text, whatever happens
// to the working tree during a run (mutant offsets are positions in it).
const sources = new Map()
if (args.includes('--extra')) {
  // Hand-written Kotlin mutants: the exact text `from` (found once) becomes `to`; their own test files.
  targets.length = 0
  for (const m of KOTLIN_MUTANTS) {
    if (keyFilter && !`${m.file}|${m.id}`.includes(keyFilter)) continue
    const target = `${PLUGIN}/${m.file}`
    const text = readFileSync(path.join(root, target), 'utf8')
    sources.set(target, text)
    const start = text.indexOf(m.from)
    if (start === -1 || text.indexOf(m.from, start + 1) !== -1) { console.log(`[mutation] ${m.id}: source not found exactly once`); continue }
    if (!targets.includes(target)) targets.push(target)
    map.set(target, [...new Set([...(map.get(target) ?? []), ...m.tests])])
    mutants.push({ target, start, end: start + m.from.length, replacement: m.to, original: m.from, key: `${m.file}|${m.id}`, mutator: 'hand-written', line: text.slice(0, start).split('\n').length })
  }
} else {
  for (const target of targets) {
    sources.set(target, readFileSync(path.join(root, target), 'utf8'))
    const all = generateMutants(sources.get(target), shortName(target)).map((m) => ({ ...m, target }))
    mutants.push(...all.filter((m, i) => (!mutatorFilter || mutatorFilter.includes(m.mutator)) && (!keyFilter || m.key.includes(keyFilter)) && (!survivorKeys || survivorKeys.has(m.key)) && i % sample === 0))
  }
}
const equivalent = mutants.filter((m) => equivalentBy.has(m.key))
mutants = mutants.filter((m) => !equivalentBy.has(m.key))
if (args.includes('--list')) {
  for (const m of mutants) console.log(`${shortName(m.target)}:${m.line}  ${m.key}`)
  for (const m of equivalent) console.log(`(equivalent) ${shortName(m.target)}:${m.line}  ${m.key}`)
  console.log(`${mutants.length} mutants, ${equivalent.length} equivalent`)
  process.exit(0)
}
const untested = targets.filter((t) => map.get(t).length === 0)

// --- the copy -------------------------------------------------------------------------------------------------
const COPIED = ['package.json', 'vitest.config.mjs', 'tsconfig.json', 'manifest.json', 'pages.json', 'index.html', 'main.uts', 'App.uvue', 'vite.config.ts',
  'uni_modules', 'src', 'server', 'scripts', 'pages', 'common', 'components', 'static', 'bench', 'docs', 'README.md', 'LICENSE']
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
process.on('SIGTERM', () => { cleanup(); process.exit(143) })

// The mutants' runs: one long-lived vitest (scripts/mutation/vitest-session.mjs) per target file, restarted after a
// timeout (a hang is a kill, as in Stryker).
class Session {
  start() {
    this.child = fork(path.join(work, 'scripts/mutation/vitest-session.mjs'), [], { cwd: work, env: { ...process.env, CI: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...this.env }, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], detached: true })
    this.ready = new Promise((resolve) => this.child.once('message', resolve))
  }
  stop() {
    if (this.child) try { process.kill(-this.child.pid, 'SIGKILL') } catch {}
    this.child = null
  }
  constructor(env = {}) { this.env = env }
  async run(files, changed, timeoutMs, pattern = null) {
    if (!this.child) this.start()
    await this.ready
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.stop(); resolve({ ok: false, timedOut: true, failure: 'timeout', ms: timeoutMs }) }, timeoutMs)
      this.child.once('message', (m) => { clearTimeout(timer); resolve(m) })
      this.child.send({ files, changed, pattern })
    })
  }
}


console.log(`[mutation] ${root} copied to ${work}`)
console.log(`[mutation] ${targets.length} files, ${mutants.length} mutants to run, ${equivalent.length} listed as equivalent${sample > 1 ? ` (every ${sample}th mutant only)` : ''}${slowMs ? `; tests over ${slowMs} ms only for mutants no faster test executes` : ''}`)

// Baseline and coverage in one run: every target file with mutants is instrumented (a counter per statement), the test
// files that reach them run once, and each test's counters are recorded. Each must pass unmutated (or a "kill" would
// mean nothing); the run's per-file time sets a mutant's time limit (a hang is a kill, as in Stryker: 3x + 20 s).
// Test files that reach a source only through a build run whole, after the covering tests (stage 2), not here.
const withMutants = targets.filter((t) => mutants.some((m) => m.target === t))
const statements = new Map()
withMutants.forEach((t, i) => {
  // The hand-written mutants (--extra) run their whole test files; a .uts one among them is compiled to Kotlin by its
  // JVM test, where the counters' globalThis does not exist.
  if (args.includes('--extra') || !/\.(uts|ts)$/.test(t)) return
  const { text, statements: list } = instrument(sources.get(t), (i + 1) * 100000)
  statements.set(t, { base: (i + 1) * 100000, list })
  writeFileSync(path.join(work, t), text)
})
const built = new Set(Object.values(BUILT_TESTS).flat())
const coverageTests = [...new Set(withMutants.flatMap((t) => map.get(t)))].filter((t) => !built.has(t))
const coverageDir = path.join(work, 'test-output', 'mutation-coverage')
mkdirSync(coverageDir, { recursive: true })
const timing = new Map()
if (coverageTests.length) {
  const t0 = Date.now()
  const session = new Session({ MUTATION_COVERAGE_DIR: coverageDir })
  const r = await session.run(coverageTests, [], 3600000)
  session.stop()
  if (!r.ok) {
    console.log(`[mutation] the coverage run fails unmutated: ${r.failure}; fix that first`)
    cleanup()
    process.exit(2)
  }
  for (const [f, ms] of Object.entries(r.durations)) timing.set(f, ms)
  console.log(`[mutation] coverage: ${coverageTests.length} test files pass unmutated (${seconds(Date.now() - t0)}); slowest: ${[...timing].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([f, ms]) => `${path.basename(f)} ${seconds(ms)}`).join(', ')}`)
}
for (const t of withMutants) writeFileSync(path.join(work, t), sources.get(t))
// Per test file: { fileHits: Set, tests: Map<full name, Set> }.
const coverage = new Map()
for (const f of readdirSync(coverageDir)) {
  const c = JSON.parse(readFileSync(path.join(coverageDir, f), 'utf8'))
  coverage.set(path.relative(work, c.file), { fileHits: new Set(c.fileHits), durations: c.durations, tests: new Map(Object.entries(c.tests).map(([k, v]) => [k, new Set(v)])) })
}
for (const t of built) if (neededBuilt(t)) timing.set(t, timing.get(t) ?? 120000)
function neededBuilt(t) { return withMutants.some((w) => map.get(w).includes(t)) }
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The tests a mutant runs: stage 1, the tests that executed its statement (a name pattern); stage 2, whole built tests. */
function testsFor(m) {
  const { base, list } = statements.get(m.target) ?? { base: 0, list: [] }
  const local = statements.has(m.target) ? statementOf(list, m) : -1
  const reach = map.get(m.target).filter((t) => !built.has(t))
  const stage2 = map.get(m.target).filter((t) => built.has(t))
  let covering = []
  for (const t of reach) {
    const c = coverage.get(t)
    if (!c) continue
    // Module-level code or a statement run outside any test: every test of the file.
    const all = local === -1 || c.fileHits.has(base + local)
    for (const [name, hits] of c.tests) if (all || hits.has(base + local)) covering.push({ file: t, name, ms: c.durations[name] ?? 0 })
  }
  const fast = covering.filter((c) => slowMs === 0 || c.ms <= slowMs)
  if (fast.length) covering = fast
  const files = [...new Set(covering.map((c) => c.file))]
  const stages = []
  // The most direct test files first (import distance, then time): most kills happen there, and a kill ends the run.
  const depth = map.get(m.target).depth ?? {}
  const ordered = files.sort((a, b) => (depth[a] ?? 0) - (depth[b] ?? 0) || (timing.get(a) ?? 0) - (timing.get(b) ?? 0))
  const pattern = (list) => `^(?:${[...new Set(covering.filter((c) => list.includes(c.file)).map((c) => c.name))].map(escape).join('|')})$`
  if (ordered.length > 2) stages.push({ files: ordered.slice(0, 2), pattern: pattern(ordered.slice(0, 2)) }, { files: ordered.slice(2), pattern: pattern(ordered.slice(2)) })
  else if (ordered.length) stages.push({ files: ordered, pattern: pattern(ordered) })
  if (stage2.length) stages.push({ files: stage2, pattern: null })
  return stages
}

const results = []
const perFile = new Map()
const saveReport = () => { if (report) writeFileSync(path.resolve(report), JSON.stringify({ root, perFile: Object.fromEntries(perFile), results, equivalent: equivalent.map((m) => ({ key: m.key, reason: equivalentBy.get(m.key).reason })) }, null, 2)) }
for (const target of targets) {
  const own = mutants.filter((m) => m.target === target)
  if (own.length === 0) continue
  const fileStarted = Date.now()
  const stat = { killed: 0, survived: 0, timeout: 0, noTests: 0, noCoverage: 0, compileErrors: 0, equivalent: equivalent.filter((m) => m.target === target).length, ms: 0 }
  console.log(`\n[mutation] ${shortName(target)}: ${own.length} mutants; test files reaching it: ${map.get(target).join(' ') || '(none)'}`)
  const file = path.join(work, target)
  const original = readFileSync(file, 'utf8')
  const session = new Session()
  for (const m of own) {
    let r = { ok: true, ms: 0 }
    const stages = map.get(target).length === 0 ? null : testsFor(m)
    let ran = 0
    if (stages && stages.length) {
      writeFileSync(file, applyMutant(original, m))
      // The npm entry's build tests import dist/, which they build only when it is missing: without this, every mutant
      // after the first would be tested against the dist/ built from an earlier one.
      if (target === 'src/index.ts') rmSync(path.join(work, 'dist'), { recursive: true, force: true })
      try {
        for (const stage of stages) {
          const limit = 3 * stage.files.reduce((s, t) => s + (timing.get(t) ?? 60000), 0) + 20000
          const s = await session.run(stage.files, [target], limit, stage.pattern)
          ran += stage.files.length
          r = { ...s, ms: r.ms + s.ms }
          if (!s.ok) break
        }
      } finally {
        writeFileSync(file, original)
      }
    }
    // Stryker's statuses: no test reaches the file (NoCoverage of the whole file) or none executes the statement.
    // A mutant the TypeScript transform rejects is Stryker's CompileError: not a kill, not scored.
    const status = stages == null ? 'no tests' : stages.length === 0 ? 'no coverage' : r.ok ? 'survived' : r.timedOut ? 'timeout' : /Transform failed/.test(r.failure ?? '') ? 'compile error' : 'killed'
    if (status === 'killed') stat.killed++
    else if (status === 'timeout') stat.timeout++
    else if (status === 'survived') stat.survived++
    else if (status === 'no coverage') stat.noCoverage++
    else if (status === 'compile error') stat.compileErrors++
    else stat.noTests++
    const detail = status === 'killed' || status === 'timeout' || status === 'compile error' ? r.failure : ''
    results.push({ file: shortName(target), line: m.line, key: m.key, mutator: m.mutator, original: m.original.slice(0, 200), replacement: m.replacement.slice(0, 200), status, detail, ms: r.ms })
    console.log(`  ${status === 'killed' || status === 'timeout' ? 'x' : 'o'} ${String(m.line).padStart(4)} ${status.padEnd(11)} ${seconds(r.ms).padStart(7)}  ${m.key.slice(shortName(target).length + 1)}${detail ? `\n        by ${detail}` : ''}`)
  }
  session.stop()
  stat.ms = Date.now() - fileStarted
  perFile.set(shortName(target), stat)
  saveReport()
}

// --- summary ----------------------------------------------------------------------------------------------------
const scored = (s) => s.killed + s.timeout + s.survived + s.noTests + s.noCoverage
const scoreOf = (s) => { const n = scored(s); return n === 0 ? 100 : (100 * (s.killed + s.timeout)) / n }
const survivors = results.filter((r) => r.status === 'survived' || r.status === 'no tests' || r.status === 'no coverage')
console.log(`\n[mutation] survived (${survivors.length}):`)
for (const r of survivors) console.log(`  ${r.file}:${r.line}  ${r.key}${r.status === 'no tests' ? '  (no test reaches this file)' : r.status === 'no coverage' ? '  (no test executes it)' : ''}`)
if (equivalent.length) {
  console.log(`\n[mutation] equivalent, not run and not scored (${equivalent.length}):`)
  for (const m of equivalent) console.log(`  ${shortName(m.target)}:${m.line}  ${m.key}\n      ${equivalentBy.get(m.key).reason}`)
}
const stale = EQUIVALENT.filter((e) => fileFilter == null && !mutatorFilter && !keyFilter && !survivorKeys && sample === 1 && !args.includes('--extra') && !equivalent.some((m) => m.key === e.key))
if (stale.length) {
  console.log(`\n[mutation] listed as equivalent but no longer generated (remove from scripts/mutation/equivalent.mjs):`)
  for (const e of stale) console.log(`  ${e.key}`)
}
if (untested.length) console.log(`\n[mutation] no test file reaches: ${untested.map(shortName).join(', ')}`)
console.log('\n[mutation] per file (killed incl. timeouts / scored; equivalent and compile errors excluded):')
const total = { killed: 0, survived: 0, timeout: 0, noTests: 0, noCoverage: 0, compileErrors: 0, equivalent: 0, ms: 0 }
for (const [name, s] of perFile) {
  for (const k of Object.keys(total)) total[k] += s[k]
  console.log(`  ${name.padEnd(40)} ${scoreOf(s).toFixed(1).padStart(5)}%  ${String(s.killed + s.timeout).padStart(4)}/${String(scored(s)).padEnd(4)} no coverage ${String(s.noCoverage).padEnd(3)} equivalent ${String(s.equivalent).padEnd(3)} compile errors ${String(s.compileErrors).padEnd(3)} ${seconds(s.ms)}`)
}
console.log(`\n[mutation] score: ${total.killed + total.timeout}/${scored(total)} = ${scoreOf(total).toFixed(1)}%${sample > 1 ? ` (every ${sample}th mutant)` : ''}; duration ${seconds(Date.now() - started)}`)
saveReport()
cleanup()
process.exit(0)
