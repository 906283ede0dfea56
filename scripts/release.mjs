#!/usr/bin/env node
// npm run release: the two artifacts people install until the package is published, written to release/ (gitignored):
//   release/connect-event-source-<version>.zip  the DCloud plugin-market package: the folder
//       uni_modules/connect-event-source/ as it is in this repository (package.json with the dcloudext and
//       uni_modules fields, readme.md and changelog.md Chinese first, interface.uts, utssdk/, types/, docs/), under
//       that same path, so unzipping it at a project's root (HBuilderX) or in src/ (CLI projects) installs it. DCloud
//       asks for no unpackage/, node_modules/ or version-control files in a plugin package ("制作和发布插件指南",
//       uniapp.dcloud.io/plugin/publish.html): none are taken.
//   release/connect-event-source-<version>.tgz  the npm package: `npm pack` of dist/ (scripts/build-dist.mjs).
// `npm run pack` runs only the npm part (--only npm). Prints the paths it wrote.
// Usage: node scripts/release.mjs [--only zip|npm] [--out DIR (default release)] [--dist DIR (default dist): where
//        the npm package folder is built]
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { zipSync } from 'fflate'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const PLUGIN_DIR = 'uni_modules/connect-event-source'
/** Never part of a plugin package (DCloud's guide, and what a local build or editor leaves behind). */
const SKIP = new Set(['node_modules', 'unpackage', '.hbuilderx', '.git', '.svn', '.DS_Store', 'package-lock.json'])
/** One fixed time for every entry, so the same sources always give the same zip. */
const ENTRY_TIME = new Date('2026-01-01T00:00:00Z')

function filesUnder(dir, rel = '') {
	return fs.readdirSync(path.join(dir, rel), { withFileTypes: true })
		.filter((d) => !SKIP.has(d.name))
		.sort((a, b) => a.name.localeCompare(b.name))
		.flatMap((d) => d.isDirectory() ? filesUnder(dir, path.posix.join(rel, d.name)) : [path.posix.join(rel, d.name)])
}

/** Writes the plugin-market zip into outDir; returns its path. */
export function writePluginZip(outDir) {
	const plugin = path.join(ROOT, PLUGIN_DIR)
	const { version, id } = JSON.parse(fs.readFileSync(path.join(plugin, 'package.json'), 'utf8'))
	const entries = {}
	for (const file of filesUnder(plugin)) entries[`${PLUGIN_DIR}/${file}`] = [fs.readFileSync(path.join(plugin, file)), { mtime: ENTRY_TIME }]
	const zip = path.join(outDir, `${id}-${version}.zip`)
	fs.writeFileSync(zip, zipSync(entries, { level: 9 }))
	return zip
}

/** Builds the npm package folder (dist/ by default) and packs it into outDir; returns the tarball's path. */
export function writeNpmTarball(outDir, distDir = path.join(ROOT, 'dist')) {
	execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-dist.mjs'), '--out', distDir], { cwd: ROOT, stdio: 'inherit' })
	const out = execFileSync('npm', ['pack', distDir, '--pack-destination', outDir, '--json', '--silent'], { cwd: ROOT, encoding: 'utf8' })
	return path.join(outDir, JSON.parse(out)[0].filename)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback }
	const only = arg('--only', '')
	const outDir = path.resolve(ROOT, arg('--out', 'release'))
	fs.mkdirSync(outDir, { recursive: true })
	const distDir = path.resolve(ROOT, arg('--dist', 'dist'))
	if (only !== 'zip') console.log(`release: npm package   ${path.relative(ROOT, writeNpmTarball(outDir, distDir))}`)
	if (only !== 'npm') console.log(`release: plugin market ${path.relative(ROOT, writePluginZip(outDir))}`)
}
