#!/usr/bin/env node
// npm start: the demo in one command, offline and without keys. Builds the H5 demo (skipped while
// the build is newer than every source), then serves it and the mock API (server/) from one origin,
// so the page's relative URLs reach the mock. Options: PORT=8787 (env), --rebuild.
// On a fresh clone it first installs the npm dependencies (scripts/bootstrap.mjs).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { bootstrap } from './bootstrap.mjs'

bootstrap({ test: false })
const { startServer } = await import('../server/index.mjs')

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const OUT_DIR = path.join(ROOT, 'dist/build/h5')
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
			stdio: ['ignore', 'pipe', 'pipe']
		})
		let log = ''
		child.stdout.on('data', (d) => { log += d })
		child.stderr.on('data', (d) => { log += d })
		child.on('error', reject)
		child.on('close', (code) => {
			if (code === 0) resolve()
			else reject(new Error(`${log.slice(-8000)}\nH5 build failed (exit ${code})`))
		})
	})
}

const started = Date.now()
if (process.argv.includes('--rebuild') || !buildIsCurrent()) {
	console.log('Building the H5 demo (uni build via scripts/uni.mjs, about 10-30 s)...')
	try {
		await build()
		console.log(`Built dist/build/h5 in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
	} catch (err) {
		console.error(err.message)
		process.exit(1)
	}
} else {
	console.log('H5 demo is up to date (dist/build/h5); --rebuild forces a build.')
}

const port = Number(process.env.PORT || 8787)
let srv
try {
	srv = await startServer({ port, staticDir: OUT_DIR })
} catch (err) {
	console.error(err.code === 'EADDRINUSE' ? `Port ${port} is in use: try PORT=8788 npm start` : err.message)
	process.exit(1)
}

console.log(`
Demo:        ${srv.url}/#/
Diagnostics: ${srv.url}/#/pages/diagnostics/diagnostics
Mock API:    POST ${srv.url}/v1/chat/completions (any Bearer key), GET ${srv.url}/events
Ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Ctrl-C stops.`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, async () => {
		if (stopping) return
		stopping = true
		await srv.close()
		console.log('Stopped.')
		process.exit(0)
	})
}
