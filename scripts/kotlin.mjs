// The Kotlin toolchain of the native gate: kotlinc 2.2.0 from the npm package kotlin-compiler (the Kotlin that
// uni-app x compiles with since HBuilderX 4.81, DCloud's uts-for-android doc), DCloud's own compiler plugin from
// @dcloudio/uni-uts-v1 (rewrites ==, toString and console as HBuilderX does), the declaration layer standing in for
// DCloud's runtime (test/support/kotlin-runtime/), and OkHttp/Okio/coroutines jars from Debian.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const KOTLIN_HOME = path.join(ROOT, 'node_modules/kotlin-compiler')
export const KOTLINC = path.join(KOTLIN_HOME, 'bin/kotlinc')
export const KOTLIN_STDLIB = path.join(KOTLIN_HOME, 'lib/kotlin-stdlib.jar')
export const DCLOUD_PLUGIN = path.join(ROOT, 'node_modules/@dcloudio/uni-uts-v1/lib/kotlin/lib/uts-kotlin-compiler-plugin.jar')
export const RUNTIME_DIR = path.join(ROOT, 'test/support/kotlin-runtime')
export const ANDROID_DIR = path.join(ROOT, 'uni_modules/connect-event-source/utssdk/app-android')
// uni-app x ships OkHttp 3.12; Debian has 3.13 (same API). The generated code imports kotlinx.coroutines.
export const JARS = ['/usr/share/java/okhttp.jar', '/usr/share/java/okio.jar', '/usr/share/java/kotlinx-coroutines-core.jar']
const APT = 'apt-get install -y --no-install-recommends default-jdk-headless libokhttp-java libokio-java libkotlinx-coroutines-java'
const CACHE_DIR = path.join(ROOT, 'node_modules/.cache/connect-event-source-kotlin')

/** Every file below dir whose name ends with ending, sorted (a stable order for content hashes). */
export const filesUnder = (dir, ending = '') =>
	readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? filesUnder(path.join(dir, e.name), ending) : e.name.endsWith(ending) ? [path.join(dir, e.name)] : []
	).sort()

export const ktFiles = (dir) => filesUnder(dir, '.kt')

/** Throws with the command that installs what is missing (CI installs it; nothing may skip). */
export function checkToolchain() {
	const missing = [KOTLINC, DCLOUD_PLUGIN, ...JARS].filter((f) => !existsSync(f))
	if (missing.length) throw new Error(`Kotlin toolchain incomplete; missing: ${missing.join(', ')}. Run npm ci, and as root: ${APT}`)
}

/**
 * kotlinc, with DCloud's plugin unless plugin is false; classpath: extra jars. Resolves { ok, log } where log holds
 * the errors (warnings dropped).
 */
export function compileKotlin(files, outJar, { plugin = true, classpath = [] } = {}) {
	checkToolchain()
	const args = [...files, '-cp', [...classpath, ...JARS].join(path.delimiter), '-d', outJar, '-nowarn', '-jvm-target', '17']
	if (plugin) args.push(`-Xplugin=${DCLOUD_PLUGIN}`)
	return new Promise((resolve) => {
		execFile(KOTLINC, args, { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
			const log = (stdout + stderr).split('\n').filter((l) => l.trim() && !/^warning:/.test(l)).join('\n')
			resolve({ ok: !err, log })
		})
	})
}

/** A jar of these sources, compiled once per content (cached under node_modules/.cache); throws on errors. */
export async function cachedJar(name, files, options) {
	const hash = createHash('sha256')
	for (const f of files) hash.update(path.basename(f)).update('\0').update(readFileSync(f)).update('\0')
	hash.update(JSON.stringify(options ?? {}))
	const jar = path.join(CACHE_DIR, `${name}-${hash.digest('hex').slice(0, 16)}.jar`)
	if (existsSync(jar)) return { jar, compiled: false }
	mkdirSync(CACHE_DIR, { recursive: true })
	const tmp = `${jar}.${process.pid}.tmp.jar`
	const { ok, log } = await compileKotlin(files, tmp, options)
	if (!ok) throw new Error(`kotlinc failed (${name}):\n${log}`)
	// Atomic publish: concurrent test files never see a half-written jar.
	renameSync(tmp, jar)
	for (const old of readdirSync(CACHE_DIR)) {
		if (old.startsWith(name + '-') && path.join(CACHE_DIR, old) !== jar && !old.includes('.tmp.')) rmSync(path.join(CACHE_DIR, old), { force: true })
	}
	return { jar, compiled: true }
}

/**
 * The declaration layer as a library of its own, compiled without DCloud's plugin, as DCloud's runtime is: the
 * plugin rewrites toString/== calls into calls of the layer, which inside the layer itself would recurse.
 */
export async function runtimeJar() {
	return (await cachedJar('uts-runtime', ktFiles(RUNTIME_DIR), { plugin: false })).jar
}

/** Compiles files with DCloud's plugin against the declaration layer; { ok, log }. */
export async function compileAgainstRuntime(files, outJar) {
	return compileKotlin(files, outJar, { classpath: [await runtimeJar()] })
}

/** The class path to run a jar built against the layer. */
export const runtimeClasspath = (jar, runtime) => [jar, runtime, ...JARS, KOTLIN_STDLIB].join(path.delimiter)
