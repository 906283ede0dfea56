// One pipeline over one parse workload, `runs` times: run under callgrind by bench/instructions.mjs,
// which subtracts two run counts so start-up, input generation and JIT warm-up cancel out.
import { parseWorkloads } from './workloads.mjs'
import { makePipelines, oursPipeline, floorPipeline, runPipeline } from './pipelines.mjs'

const [engineModule, pipelineName, workload, runs, scale] = process.argv.slice(2)
const engine = await import(engineModule)
const pipeline = pipelineName == 'floor' ? floorPipeline
  : pipelineName.startsWith('ours') ? oursPipeline(pipelineName, '', engine)
  : makePipelines(engine).find((p) => p.name == pipelineName)
const [w] = parseWorkloads(Number(scale), [workload])
let check = 0
for (let i = 0; i < Number(runs); i++) runPipeline(pipeline, w.chunks, (type, data) => { check += data.length })
if (check < 0) console.log(check)
