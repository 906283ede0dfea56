// A throwaway copy of this uni-app project (project files and the plugin; node_modules linked), for tests that
// plant a defect in the plugin and run a gate over it without touching the real sources.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const FILES = ['package.json', 'manifest.json', 'pages.json', 'tsconfig.json']
export const PLUGIN_PATH = 'uni_modules/connect-event-source'

export function copyProject() {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'project-copy-'))
	for (const f of FILES) cpSync(path.join(ROOT, f), path.join(dir, f))
	cpSync(path.join(ROOT, PLUGIN_PATH), path.join(dir, PLUGIN_PATH), { recursive: true })
	symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'))
	return {
		dir,
		/** Appends source text to a file of the plugin (path relative to utssdk/). */
		append(file, text) {
			const p = path.join(dir, PLUGIN_PATH, 'utssdk', file)
			writeFileSync(p, readFileSync(p, 'utf8') + '\n' + text + '\n')
		},
		/** Replaces one exact occurrence of `from` in a file of the plugin; throws if it is not there exactly once. */
		replace(file, from, to) {
			const p = path.join(dir, PLUGIN_PATH, 'utssdk', file)
			const text = readFileSync(p, 'utf8')
			if (text.split(from).length !== 2) throw new Error(`${file}: expected exactly one ${JSON.stringify(from)}`)
			writeFileSync(p, text.replace(from, to))
		},
		/** Replaces every occurrence in every .uts file of a folder of the plugin; returns how many were replaced. */
		replaceEverywhere(folder, from, to) {
			let count = 0
			const base = path.join(dir, PLUGIN_PATH, 'utssdk', folder)
			for (const name of readdirSync(base).filter((n) => n.endsWith('.uts'))) {
				const p = path.join(base, name)
				const parts = readFileSync(p, 'utf8').split(from)
				count += parts.length - 1
				writeFileSync(p, parts.join(to))
			}
			return count
		},
		remove: () => rmSync(dir, { recursive: true, force: true })
	}
}
