// One long-lived vitest (its Node API) in the mutation copy, so each mutant pays for its test files, not for starting
// vitest and vite again (about 5 s a mutant on a loaded 2-core machine). The parent (scripts/mutation.mjs) writes a
// mutant into the copy, then sends { files, changed }; this drops every cached transform of the changed file
// (vite's module graph, vite-node's fetch caches, the workers' module caches through vitest's `invalidates`) and
// reruns the files: one fork, one file at a time, bail at the first failure. Answers { ok, failure, ms, durations }.
// { pattern }: only the tests whose full name it matches (the tests that cover the mutant, scripts/mutation/coverage.mjs).
// With $MUTATION_COVERAGE_DIR set, it is the coverage run: scripts/mutation/coverage-setup.mjs records each test's counters.
import path from 'node:path'
import { createVitest } from 'vitest/node'

const setupFiles = ['test/support/uni-globals.mjs', ...(process.env.MUTATION_COVERAGE_DIR ? ['scripts/mutation/coverage-setup.mjs'] : [])]
const ctx = await createVitest('test', {
  setupFiles, watch: false, run: true, pool: 'forks', poolOptions: { forks: { singleFork: true } }, bail: 1, reporters: [{}], fileParallelism: false
}, { server: { ws: false } })
// Lists the test files, so rerunFiles knows them as tests of this project.
await ctx.globTestSpecs()

function forget(file) {
  ctx.updateLastChanged(file)
  ctx.invalidates.add(file)
  for (const project of ctx.projects ?? [ctx.getCoreWorkspaceProject()]) {
    const node = project.vitenode ?? ctx.vitenode
    for (const cache of [node.fetchCache, node.fetchCaches?.ssr, node.fetchCaches?.web]) cache?.delete(file)
  }
}

function failureOf() {
  for (const f of ctx.state.getFiles()) {
    const stack = [...(f.tasks ?? [])]
    if (f.result?.state === 'fail' && stack.length === 0) return `${path.relative(process.cwd(), f.filepath)} (${f.result.errors?.[0]?.message ?? 'failed to load'})`
    while (stack.length) {
      const t = stack.shift()
      if (t.tasks) stack.unshift(...t.tasks)
      else if (t.result?.state === 'fail') return `${path.relative(process.cwd(), f.filepath)} > ${t.name}`
    }
    if (f.result?.state === 'fail') return `${path.relative(process.cwd(), f.filepath)} (${f.result.errors?.[0]?.message ?? 'suite failed'})`
  }
  const unhandled = ctx.state.getUnhandledErrors()
  return unhandled.length ? `unhandled error: ${String(unhandled[0]?.message ?? unhandled[0]).slice(0, 200)}` : null
}

process.on('message', async ({ files, changed, pattern }) => {
  const t0 = Date.now()
  try {
    for (const c of changed ?? []) forget(path.resolve(c))
    ctx.state.filesMap.clear()
    ctx.configOverride.testNamePattern = pattern ? new RegExp(pattern) : undefined
    await ctx.rerunFiles(files.map((f) => path.resolve(f)), 'mutant', true)
    const failure = failureOf()
    const durations = Object.fromEntries(ctx.state.getFiles().map((f) => [path.relative(process.cwd(), f.filepath), (f.result?.duration ?? 0) + (f.setupDuration ?? 0) + (f.collectDuration ?? 0)]))
    process.send({ ok: failure == null, failure, ms: Date.now() - t0, durations })
  } catch (e) {
    process.send({ ok: false, failure: `runner error: ${e?.message ?? e}`, ms: Date.now() - t0 })
  }
})
process.send({ ready: true })
