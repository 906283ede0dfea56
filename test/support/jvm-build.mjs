// Compiles the plugin's Android Kotlin (utssdk/app-android/*.kt) plus the test bridge into one jar with Debian's
// kotlinc, cached under node_modules/.cache keyed by a hash of every source, so only the first run pays ~5 s.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const ANDROID_DIR = path.join(root, 'uni_modules/connect-event-source/utssdk/app-android')
const HARNESS_DIR = path.join(root, 'test/support/jvm')
const CACHE_DIR = path.join(root, 'node_modules/.cache/connect-event-source-jvm')
const JARS = ['/usr/share/java/okhttp.jar', '/usr/share/java/okio.jar']
const STDLIB = '/usr/share/java/kotlin-stdlib.jar'
const INSTALL = 'apt-get install -y --no-install-recommends kotlin libokhttp-java libokio-java'

const ktFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? ktFiles(path.join(dir, e.name)) : e.name.endsWith('.kt') ? [path.join(dir, e.name)] : []
  )

function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, cmd))) return path.join(dir, cmd)
  }
  return null
}

/** Throws with the install command when the JVM toolchain is missing (CI installs it; the test must not skip). */
export function checkToolchain() {
  const missing = []
  if (!which('kotlinc')) missing.push('kotlinc')
  if (!which('java')) missing.push('java')
  for (const jar of [...JARS, STDLIB]) if (!existsSync(jar)) missing.push(jar)
  if (missing.length > 0) {
    throw new Error(`Android transport test needs the JVM toolchain; missing: ${missing.join(', ')}. Install it with: ${INSTALL}`)
  }
}

/** The plugin's Kotlin sources (what Android compiles) and the harness sources (bridge + Android API stubs). */
export function sources() {
  return { plugin: ktFiles(ANDROID_DIR).sort(), harness: ktFiles(HARNESS_DIR).sort() }
}

/** Returns { jar, classpath, compiled } for the current sources, compiling only when they changed. */
export async function buildBridgeJar() {
  checkToolchain()
  const { plugin, harness } = sources()
  const files = [...plugin, ...harness]
  const hash = createHash('sha256')
  for (const f of files) hash.update(path.relative(root, f)).update('\0').update(readFileSync(f)).update('\0')
  const jar = path.join(CACHE_DIR, `bridge-${hash.digest('hex').slice(0, 16)}.jar`)
  const classpath = [jar, ...JARS, STDLIB].join(path.delimiter)
  if (existsSync(jar)) return { jar, classpath, compiled: false }
  mkdirSync(CACHE_DIR, { recursive: true })
  const tmp = `${jar}.${process.pid}.tmp.jar`
  await new Promise((resolve, reject) => {
    execFile('kotlinc', [...files, '-cp', JARS.join(path.delimiter), '-d', tmp], { maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const log = (stdout + stderr).split('\n').filter((l) => l && !l.includes('-Xverify:none')).join('\n')
      if (err) reject(new Error(`kotlinc failed on the Android transport:\n${log}`))
      else resolve()
    })
  })
  // Atomic publish: concurrent test files never see a half-written jar.
  renameSync(tmp, jar)
  for (const old of readdirSync(CACHE_DIR)) {
    const p = path.join(CACHE_DIR, old)
    if (p !== jar && old.startsWith('bridge-') && !old.includes('.tmp.')) rmSync(p, { force: true })
  }
  return { jar, classpath, compiled: true }
}
