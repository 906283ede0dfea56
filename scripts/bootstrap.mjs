#!/usr/bin/env node
// Set-up shared by `npm start` and `npm test`, so each works alone on a fresh clone:
//   1. npm dependencies: `npm ci` when node_modules is missing or does not match package-lock.json
//      (a package missing or at another version than the lock says);
//   2. the native binding of DCloud's UTS compiler (@dcloudio/uts-linux-x64-gnu), which npm 11 skips
//      (its "libc" field says "gnu", npm expects "glibc"): unpacked from `npm pack` beside @dcloudio/uts.
//      This also runs as the `prepare` script, i.e. at `npm ci` / `npm install` time, so no test
//      ever reaches a registry (prepare does not run when the published package is installed);
//   3. `--test` only: the npm dependencies of test/fixtures/vue2-cli (a uni-app Vue 2 CLI project, whose
//      toolchain cannot share node_modules with the Vue 3 one) and of test/fixtures/vite-ts (the type-checking
//      toolchain of DCloud's vite-ts template: vue-tsc 1.8, TypeScript 4.9, @vue/tsconfig 0.1.3), the same way;
//   4. `--test` only: the Debian packages the tests need (Chromium and two fonts for the browser
//      tests, OkHttp/Okio/kotlinx-coroutines jars and a JDK for the Android code on the JVM):
//      installed with apt-get when running as root, otherwise it stops with the exact command.
//
// Usage: node scripts/bootstrap.mjs [--test] [--native-only]
//   import { bootstrap } from './bootstrap.mjs'; await bootstrap({ test: true })
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { estimate } from './estimates.mjs'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Debian packages `npm test` needs, each with the file that proves it is there. */
export const DEBIAN_PACKAGES = [
	{ name: 'chromium', file: '/usr/bin/chromium', why: 'browser end-to-end tests' },
	{ name: 'fonts-wqy-microhei', file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', why: 'CJK text in screenshots' },
	{ name: 'fonts-noto-color-emoji', file: '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf', why: 'emoji in screenshots' },
	{ name: 'openjdk-17-jdk-headless', command: 'javac', why: 'JDK for kotlinc and the JVM tests' },
	{ name: 'libokhttp-java', file: '/usr/share/java/okhttp.jar', why: 'OkHttp for the Android transport on the JVM' },
	{ name: 'libokio-java', file: '/usr/share/java/okio.jar', why: 'Okio (OkHttp dependency)' },
	{ name: 'libkotlinx-coroutines-java', file: '/usr/share/java/kotlinx-coroutines-core.jar', why: 'kotlinx.coroutines for the generated Kotlin' }
]

const log = (msg) => console.log(`bootstrap: ${msg}`)

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'))
	} catch {
		return null
	}
}

/**
 * Why node_modules does not match package-lock.json, or null when it does. Every non-optional package of the
 * lock must be installed at the locked version (optional ones are platform-specific and may be skipped).
 */
export function staleReason(root = ROOT) {
	const lock = readJson(path.join(root, 'package-lock.json'))
	if (!lock) return 'package-lock.json is missing or unreadable'
	if (!fs.existsSync(path.join(root, 'node_modules'))) return 'node_modules is missing'
	const manifest = readJson(path.join(root, 'package.json')) ?? {}
	const wanted = { ...manifest.dependencies, ...manifest.devDependencies }
	const locked = lock.packages?.[''] ?? {}
	const lockedWanted = { ...locked.dependencies, ...locked.devDependencies }
	for (const [name, range] of Object.entries(wanted)) {
		if (lockedWanted[name] !== range) return `package.json asks for ${name}@${range}, package-lock.json has ${lockedWanted[name] ?? 'nothing'} (run npm install)`
	}
	for (const [key, entry] of Object.entries(lock.packages ?? {})) {
		if (key === '' || entry.optional || entry.link || !key.startsWith('node_modules/')) continue
		const installed = readJson(path.join(root, key, 'package.json'))
		if (!installed) return `${key.slice('node_modules/'.length)} is not installed`
		if (entry.version && installed.version !== entry.version) return `${key.slice('node_modules/'.length)} is ${installed.version}, package-lock.json says ${entry.version}`
	}
	return null
}

/** The uni-app Vue 2 CLI project the tests build (its own toolchain: vue-cli, webpack 4, Vue 2; about 300 MB). */
export const VUE2_FIXTURE = path.join(ROOT, 'test/fixtures/vue2-cli')
/** The type-checking toolchain of DCloud's uni-app Vue 3 CLI template (test/support/cli-project.mjs; about 30 MB). */
export const VITE_TS_FIXTURE = path.join(ROOT, 'test/fixtures/vite-ts')

function ensureNpmDependencies(dir = ROOT) {
	const reason = staleReason(dir)
	if (!reason) return false
	const where = path.relative(ROOT, dir) || '.'
	log(`${where}: ${reason}: running npm ci (${dir === ROOT ? estimate('npmCi') : 'a few minutes'})`)
	const t = Date.now()
	const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir, stdio: 'inherit' })
	if (r.status !== 0) {
		console.error(`bootstrap: npm ci failed (exit ${r.status}); fix the error above and run npm ci in ${dir}`)
		process.exit(1)
	}
	log(`${where}: npm ci done in ${Math.round((Date.now() - t) / 1000)} s`)
	return true
}

/**
 * npm 11 never installs @dcloudio/uts-linux-x64-gnu (its "libc" field says "gnu", npm expects "glibc"), so fetch
 * the version @dcloudio/uts wants with `npm pack` (from the npm cache when it is there) and unpack it beside
 * @dcloudio/uts. The temporary folder is removed whatever happens.
 */
export function ensureNativeBinding(root = ROOT) {
	if (process.platform !== 'linux' || process.arch !== 'x64') return false
	if (!process.report?.getReport().header.glibcVersionRuntime) return false // musl: npm installs the musl binding
	const utsPkg = path.join(root, 'node_modules/@dcloudio/uts/package.json')
	const uts = readJson(utsPkg)
	if (!uts) return false // not installed (yet): nothing to complete
	const name = '@dcloudio/uts-linux-x64-gnu'
	const version = uts.optionalDependencies?.[name] ?? uts.version
	const dest = path.join(root, 'node_modules', name)
	if (readJson(path.join(dest, 'package.json'))?.version === version && fs.existsSync(path.join(dest, 'uts.linux-x64-gnu.node'))) return false
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'uts-native-'))
	try {
		log(`installing ${name}@${version} (npm 11 skips it: libc "gnu") into node_modules/${name}`)
		execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', tmp, '--silent', '--prefer-offline'], { stdio: ['ignore', 'ignore', 'inherit'] })
		const tgz = fs.readdirSync(tmp).find((f) => f.endsWith('.tgz'))
		if (!tgz) throw new Error(`npm pack ${name}@${version} produced no tarball`)
		fs.rmSync(dest, { recursive: true, force: true })
		fs.mkdirSync(dest, { recursive: true })
		execFileSync('tar', ['-xzf', path.join(tmp, tgz), '-C', dest, '--strip-components=1'])
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true })
	}
	return true
}

function hasCommand(cmd) {
	return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0
}

/** The Debian packages of DEBIAN_PACKAGES that are not installed. BOOTSTRAP_PRETEND_MISSING=a,b pretends (tests). */
export function missingDebianPackages() {
	const pretend = (process.env.BOOTSTRAP_PRETEND_MISSING ?? '').split(',').filter(Boolean)
	return DEBIAN_PACKAGES.filter((p) => pretend.includes(p.name) || (p.file ? !fs.existsSync(p.file) : !hasCommand(p.command)))
}

export function aptCommand(names, root) {
	return `${root ? '' : 'sudo '}apt-get update && ${root ? '' : 'sudo '}apt-get install -y --no-install-recommends ${names.join(' ')}`
}

function ensureDebianPackages() {
	const missing = missingDebianPackages()
	if (!missing.length) return false
	const names = missing.map((p) => p.name)
	const isRoot = process.getuid?.() === 0 && !process.env.BOOTSTRAP_PRETEND_NOT_ROOT
	if (!isRoot || !hasCommand('apt-get')) {
		console.error(`bootstrap: npm test needs these Debian packages:\n${missing.map((p) => `  ${p.name.padEnd(28)} ${p.why}`).join('\n')}\nInstall them with:\n\n  ${aptCommand(names, false)}\n\nthen run npm test again.`)
		process.exit(1)
	}
	log(`installing Debian packages: ${names.join(' ')}`)
	const t = Date.now()
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
	const install = () => spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], { stdio: 'inherit', env })
	// Only refresh the package lists when they are missing or too old to have the packages.
	if (install().status !== 0) {
		if (spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env }).status !== 0 || install().status !== 0) {
			console.error(`bootstrap: apt-get failed; run by hand:\n\n  ${aptCommand(names, true)}\n`)
			process.exit(1)
		}
	}
	log(`Debian packages installed in ${Math.round((Date.now() - t) / 1000)} s`)
	return true
}

/** Everything `npm start` (test: false) or `npm test` (test: true) needs before it runs. */
export function bootstrap({ test = false } = {}) {
	if (test) ensureDebianPackages()
	ensureNpmDependencies()
	ensureNativeBinding()
	if (test) ensureNpmDependencies(VUE2_FIXTURE)
	if (test) ensureNpmDependencies(VITE_TS_FIXTURE)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	if (process.argv.includes('--native-only')) ensureNativeBinding()
	else bootstrap({ test: process.argv.includes('--test') })
}
