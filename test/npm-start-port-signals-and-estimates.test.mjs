// `npm start` as a user runs it (the real npm, the real scripts/start.mjs): a taken port moves it to the next free
// one and it says so; `kill <npm pid>` (SIGTERM to npm) leaves no server listening and no process of its own behind,
// also mid-build; the time estimates it prints cover what was measured; and the standalone mock server
// (`node server/cli.mjs --port N`) is documented in the root README and in both languages of the plugin readme, and
// works as written there.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import { ESTIMATES, estimate } from '../scripts/estimates.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cleanups = []
afterAll(async () => {
  for (const fn of cleanups.reverse()) await fn()
})

function tmpDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'npm-start-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A port on 127.0.0.1 held by another server, as when something else already uses 8787. */
async function takenPort() {
  const server = net.createServer()
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  cleanups.push(() => new Promise((r) => server.close(r)))
  return server.address().port
}

/** Runs a command, collects its output, resolves output lines as they match. */
function run(cmd, args, env = {}) {
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  const waiters = []
  const onData = (d) => {
    out += d
    for (const w of waiters.splice(0)) if (!w.check()) waiters.push(w)
  }
  child.stdout.on('data', onData)
  child.stderr.on('data', onData)
  const exited = new Promise((r) => child.on('exit', (code, signal) => r({ code, signal })))
  cleanups.push(() => { try { child.kill('SIGKILL') } catch {} })
  return {
    child,
    exited,
    output: () => out,
    /** Resolves with the first match of re in the output (rejects after ms). */
    waitFor(re, ms = 120000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${re} in ${ms} ms; output:\n${out}`)), ms)
        const check = () => {
          const m = re.exec(out)
          if (m) { clearTimeout(timer); resolve(m) }
          return !!m
        }
        if (!check()) waiters.push({ check })
      })
    }
  }
}

/** Every process below pid (from /proc: Linux, as the machines npm test runs on). */
function descendants(pid) {
  const children = new Map()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (!children.has(ppid)) children.set(ppid, [])
      children.get(ppid).push(Number(name))
    } catch {}
  }
  const out = []
  const walk = (p) => { for (const c of children.get(p) ?? []) { out.push(c); walk(c) } }
  walk(pid)
  return out
}

const alive = (pid) => {
  try {
    // A zombie is dead: it only waits for its parent to read its exit status.
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').match(/\) Z /)
  } catch {
    return false
  }
}

function refused(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => { socket.destroy(); resolve(false) })
    socket.once('error', () => resolve(true))
  })
}

async function until(fn, ms, what) {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await fn()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`not within ${ms} ms: ${what}`)
}

/** An output folder with a build newer than every source: npm start serves it without building. */
function currentBuild() {
  const dir = tmpDir()
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>demo</title>')
  return dir
}

describe('npm start', () => {
  test('port taken: it serves on the next free port and says which; kill <npm pid> leaves no server and no process', async () => {
    const port = await takenPort()
    const start = run('npm', ['start', '--', '--out', currentBuild()], { PORT: String(port) })
    const [, url, actual] = await start.waitFor(/Demo: +(http:\/\/127\.0\.0\.1:(\d+))\/#\//)
    expect(Number(actual)).toBeGreaterThan(port)
    expect(start.output()).toContain(`Port ${port} was in use: serving on ${actual} instead.`)
    expect(await (await fetch(url + '/')).text()).toContain('<title>demo</title>')
    const chat = await fetch(url + '/v1/chat/completions', { method: 'POST', headers: { Authorization: 'Bearer wrong' }, body: '{}' })
    expect(chat.status).toBe(401)

    const tree = descendants(start.child.pid)
    expect(tree.length).toBeGreaterThan(0)
    process.kill(start.child.pid, 'SIGTERM')
    await start.exited
    await until(() => refused(Number(actual)), 10000, `port ${actual} still accepts connections after SIGTERM to npm`)
    await until(() => tree.every((pid) => !alive(pid)), 10000, `processes left after SIGTERM to npm: ${tree.filter(alive)}`)
  }, 60000)

  test('kill <npm pid> during the H5 build stops the build and everything it started', async () => {
    const out = tmpDir()
    const start = run('npm', ['start', '--', '--out', out, '--rebuild'], { PORT: '0' })
    await start.waitFor(/Building the H5 demo/)
    expect(start.output()).toContain(estimate('h5Build'))
    // The build has started its own processes (scripts/uni.mjs, then the uni CLI).
    await until(() => descendants(start.child.pid).length >= 4, 30000, 'build processes started')
    const tree = descendants(start.child.pid)
    process.kill(start.child.pid, 'SIGTERM')
    await start.exited
    await until(() => tree.every((pid) => !alive(pid)), 15000, `processes left after SIGTERM to npm: ${tree.filter(alive)}`)
  }, 90000)

  test('the time estimates it prints (npm ci, the H5 build) cover every measured time', () => {
    for (const [step, { range, measured }] of Object.entries(ESTIMATES)) {
      expect(measured.length, step).toBeGreaterThan(0)
      for (const m of measured) {
        expect(m.seconds, `${step}: ${m.where}`).toBeGreaterThanOrEqual(range[0])
        expect(m.seconds, `${step}: ${m.where}`).toBeLessThanOrEqual(range[1])
      }
    }
    // The figures seen on a fresh machine (issue 20): npm ci 91 s, build 98 s.
    expect(ESTIMATES.npmCi.range[1]).toBeGreaterThanOrEqual(91)
    expect(ESTIMATES.h5Build.range[1]).toBeGreaterThanOrEqual(98)
    expect(estimate('npmCi')).toBe('about 30 s to 5 min')
    for (const file of ['scripts/start.mjs', 'scripts/bootstrap.mjs']) {
      // No hand-written figure beside the measured ones.
      expect(readFileSync(path.join(ROOT, file), 'utf8'), file).not.toMatch(/about \d+(-\d+)? s\b/)
    }
  })
})

describe('the standalone mock server', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
  const plugin = readFileSync(path.join(ROOT, 'uni_modules/connect-event-source/readme.md'), 'utf8')
  const english = plugin.slice(plugin.indexOf('\n## English'))
  const chinese = plugin.slice(0, plugin.indexOf('\n## English'))

  test('`node server/cli.mjs --port N` is in the root README (both languages) and in the Chinese and English plugin readme', () => {
    const command = /`node server\/cli\.mjs --port (\d+)`/
    const rootChinese = readme.slice(readme.indexOf('**中文。** 只启动模拟服务'))
    for (const [where, text] of [['README.md', readme], ['README.md, 中文', rootChinese], ['plugin readme, 中文', chinese], ['plugin readme, English', english]]) {
      expect(text, where).toMatch(command)
      expect(text, where).toContain('`--port 0`')
    }
  })

  test('it works as written: --port 0 prints its URL, serves the chat mock, refuses the key "wrong", stops on SIGTERM', async () => {
    const cli = run(process.execPath, ['server/cli.mjs', '--port', '0'])
    const [, url, port] = await cli.waitFor(/^(http:\/\/127\.0\.0\.1:(\d+))$/m, 20000)
    const ask = (key) => fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'X-Mock-Delay': '0' },
      body: JSON.stringify({ model: 'mock-model', stream: true, messages: [{ role: 'user', content: 'hi' }] })
    })
    expect((await ask('wrong')).status).toBe(401)
    const ok = await ask('anything')
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('data: [DONE]')
    cli.child.kill('SIGTERM')
    expect((await cli.exited).code).toBe(0)
    expect(await refused(Number(port))).toBe(true)
  }, 30000)
})
