// Runs one bench section in its own process (fresh heap and JIT state) and sends the result to run.mjs over IPC.
import { buildDir } from './build.mjs'

const [section, optionsJson] = process.argv.slice(2)
const options = JSON.parse(optionsJson)
const engine = await import(buildDir + 'engine.mjs')
const { run } = await import(`../sections/${section}.mjs`)
const result = await run({ ...options, engine, log: (line) => process.stderr.write(line + '\n') })
process.send(result, () => process.exit(0))
