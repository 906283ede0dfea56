// Runs one of package.json's uni build scripts into an output folder of the caller's choosing.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Resolves with the build's output text; rejects with its tail when the build fails. */
export function runUniBuild(script, outDir) {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script], { cwd: ROOT, env: { ...process.env, UNI_OUTPUT_DIR: outDir } })
    let text = ''
    child.stdout.on('data', (d) => { text += d })
    child.stderr.on('data', (d) => { text += d })
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`npm run ${script} exited ${code}\n${text.slice(-4000)}`))))
  })
}
