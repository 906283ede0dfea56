#!/usr/bin/env node
// npm start: the demo in one command, offline and without keys. Builds the H5 demo (skipped while
// the build is newer than every source), then serves it and the mock API (server/) from one origin,
// so the page's relative URLs reach the mock. Options: PORT=8787 (env; when it is taken, the next free port, as
// dev servers do), --rebuild, --out DIR (where the build goes and what is served; default dist/build/h5).
// On a fresh clone it first installs the npm dependencies (scripts/bootstrap.mjs).
// Stopping: Ctrl-C, or SIGTERM to this process or to npm. npm forwards SIGTERM to the shell that runs this script,
// and that shell (dash on Debian) dies without passing it on, so this process also stops when its parent goes.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { bootstrap } from './bootstrap.mjs'
import { estimate } from './estimates.mjs'

const { values: args } = parseArgs({ options: { rebuild: { type: 'boolean' }, out: { type: 'string' } } })

// The build runs in its own process group, so stopping kills it with everything it started (vite, esbuild).
let buildChild = null
let stopServer = null
let stopping = false
async function stop(why) {
	if (stopping) return
	stopping = true
	if (buildChild) {
		try {
			process.kill(-buildChild.pid, 'SIGTERM')
		} catch {}
	}
	if (stopServer) await stopServer()
	console.log(`Stopped (${why}).`)
	process.exit(0)
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal))
// The parent (npm's shell) is gone: it was killed, and nobody is left to stop this process. Not on Windows, where a
// process keeps its parent's id and npm ends the whole tree itself.
const parent = process.ppid
if (process.platform !== 'win32') setInterval(() => process.ppid !== parent && stop('parent process exited'), 250).unref()

bootstrap({ test: false })
const { startServer } = await import('../server/index.mjs')

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const OUT_DIR = args.out ? path.resolve(args.out) : path.join(ROOT, 'dist/build/h5')
// What the H5 build reads (scripts/uni.mjs lists the same project entries), plus the toolchain version.
const SOURCES = [
	'App.uvue', 'main.uts', 'index.html', 'manifest.json', 'pages.json', 'vite.config.ts', 'tsconfig.json', 'uni.scss',
	'pages', 'components', 'common', 'static', 'uni_modules', 'node_modules/@dcloudio/vite-plugin-uni/package.json'
]

function newestMtime(entry) {
	let info
	try {
		info = fs.statSync(entry)
	} catch {
		return 0
	}
	if (!info.isDirectory()) return info.mtimeMs
	let newest = info.mtimeMs
	for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)))
	return newest
}

function buildIsCurrent() {
	const built = newestMtime(path.join(OUT_DIR, 'index.html'))
	return built > 0 && SOURCES.every((s) => newestMtime(path.join(ROOT, s)) < built)
}

// The build prints dozens of type-check warnings that never fail it (docs/BUILD.md): shown only on failure.
function build() {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(ROOT, 'scripts/uni.mjs'), 'build'], {
			cwd: ROOT,
			env: { ...process.env, UNI_OUTPUT_DIR: OUT_DIR },
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: process.platform !== 'win32'
		})
		buildChild = child
		let log = ''
		child.stdout.on('data', (d) => { log += d })
		child.stderr.on('data', (d) => { log += d })
		child.on('error', reject)
		child.on('close', (code) => {
			buildChild = null
			if (code === 0) resolve()
			else reject(new Error(`${log.slice(-8000)}\nH5 build failed (exit ${code})`))
		})
	})
}

const started = Date.now()
if (args.rebuild || !buildIsCurrent()) {
	console.log(`Building the H5 demo (uni build via scripts/uni.mjs, ${estimate('h5Build')})...`)
	try {
		await build()
		console.log(`Built ${path.relative(ROOT, OUT_DIR) || OUT_DIR} in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
	} catch (err) {
		if (stopping) await new Promise(() => {}) // stop() exits
		console.error(err.message)
		process.exit(1)
	}
} else {
	console.log(`H5 demo is up to date (${path.relative(ROOT, OUT_DIR) || OUT_DIR}); --rebuild forces a build.`)
}

// Like a dev server: when the port is taken, the next free one (a few tries), and say so.
const PORT_TRIES = 20
const wanted = Number(process.env.PORT || 8787)
let srv = null
for (let port = wanted; port < wanted + PORT_TRIES && port <= 65535 && !srv; port++) {
	try {
		srv = await startServer({ port, staticDir: OUT_DIR })
	} catch (err) {
		if (err.code !== 'EADDRINUSE') {
			console.error(err.message)
			process.exit(1)
		}
		console.log(`Port ${port} is in use, trying ${port + 1}...`)
	}
}
if (!srv) {
	console.error(`Ports ${wanted}-${wanted + PORT_TRIES - 1} are all in use: set PORT to a free one (PORT=0 picks any).`)
	process.exit(1)
}
stopServer = () => srv.close()
if (srv.port !== wanted && wanted !== 0) console.log(`Port ${wanted} was in use: serving on ${srv.port} instead.`)

console.log(`
Demo:        ${srv.url}/#/
Diagnostics: ${srv.url}/#/pages/diagnostics/diagnostics
Mock API:    POST ${srv.url}/v1/chat/completions (any Bearer key but "wrong"), GET ${srv.url}/events
Ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Ctrl-C stops.`)
