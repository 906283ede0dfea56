#!/usr/bin/env node
// Instructions per run, counted by valgrind's callgrind: repeatable whatever else loads the machine, so two parser
// versions can be compared on a busy one. Not part of `npm run bench` (a few minutes; needs valgrind).
//   node bench/instructions.mjs [--workloads=ai-chat,crlf-multiline] [--against=REV[,REV]] [--pipelines=ours,eventsource-parser,floor]
// Each figure is (instructions of N2 runs - instructions of N1 runs) / (N2 - N1), on the --quick scale inputs.
import { execFileSync, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { buildAll, buildRevision } from './lib/build.mjs'
import { PARSE_WORKLOADS } from './lib/workloads.mjs'
import { fmt, table } from './lib/stats.mjs'

const args = process.argv.slice(2)
const arg = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const workloads = arg('workloads')?.split(',') ?? PARSE_WORKLOADS
const scale = Number(arg('scale') ?? 0.25)
const [n1, n2] = [4, 10]
const child = fileURLToPath(new URL('./lib/count-child.mjs', import.meta.url))

try { execFileSync('valgrind', ['--version']) } catch { console.error('valgrind is not installed (apt-get install valgrind)'); process.exit(2) }
const { engine } = await buildAll()
const pipelines = [{ name: 'ours', module: engine }]
for (const rev of arg('against')?.split(',') ?? []) pipelines.push(await buildRevision(rev))
for (const name of arg('pipelines')?.split(',') ?? ['eventsource-parser', 'floor']) if (name != 'ours') pipelines.push({ name, module: engine })

function count(p, workload, runs) {
  return new Promise((resolve, reject) => {
    const v = spawn('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, child, p.module, p.name, workload, String(runs), String(scale)], { stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    v.stderr.on('data', (d) => { err += d })
    v.on('exit', (code) => {
      const m = /Collected : (\d+)/.exec(err)
      if (code != 0 || !m) reject(new Error(`callgrind ${p.name} ${workload}: exit ${code}\n${err.slice(-2000)}`))
      else resolve(Number(m[1]))
    })
  })
}

const rows = []
for (const w of workloads) {
  const per = {}
  for (const p of pipelines) {
    // The machine has 2 cores: the two counts of one pipeline run side by side.
    const [a, b] = await Promise.all([count(p, w, n1), count(p, w, n2)])
    per[p.name] = (b - a) / (n2 - n1)
    process.stderr.write(`  ${w} ${p.name}: ${fmt(per[p.name] / 1e6, 1)} M instructions per run\n`)
  }
  for (const p of pipelines) rows.push([w, p.name, fmt(per[p.name] / 1e6, 1), p.name == 'ours' ? '-' : (per[p.name] / per.ours).toFixed(2) + 'x'])
}
console.log(table(['workload', 'pipeline', 'M instructions per run', 'it/ours'], rows))
console.log(`(callgrind, ${n2} minus ${n1} runs, inputs at scale ${scale}; fewer instructions is faster, and "it/ours" above 1 means ours executes fewer)`)
