// scripts/bootstrap.mjs (run first by npm start and npm test): detects a missing or stale node_modules, installs
// DCloud's native UTS binding without leaving temp folders, and names the exact apt-get command when not root.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { DEBIAN_PACKAGES, ensureNativeBinding, staleReason } from '../scripts/bootstrap.mjs'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bootstrap-test-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

function project(name, { lockVersion = '1.0.0', installedVersion = '1.0.0', install = true } = {}) {
  const dir = path.join(tmp, name)
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, devDependencies: { dep: '^1.0.0' } }))
  fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify({
    lockfileVersion: 3,
    packages: { '': { devDependencies: { dep: '^1.0.0' } }, 'node_modules/dep': { version: lockVersion, dev: true }, 'node_modules/opt': { version: '1.0.0', optional: true } }
  }))
  if (install) {
    fs.mkdirSync(path.join(dir, 'node_modules/dep'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'node_modules/dep/package.json'), JSON.stringify({ name: 'dep', version: installedVersion }))
  }
  return dir
}

test('node_modules that matches package-lock.json is current; optional packages may be absent', () => {
  expect(staleReason(project('current'))).toBe(null)
})

test('a missing node_modules, a missing package or another version than the lock means npm ci', () => {
  expect(staleReason(project('fresh', { install: false }))).toBe('node_modules is missing')
  expect(staleReason(project('changed-lock', { lockVersion: '1.1.0' }))).toBe('dep is 1.0.0, package-lock.json says 1.1.0')
  const dir = project('removed')
  fs.rmSync(path.join(dir, 'node_modules/dep'), { recursive: true })
  expect(staleReason(dir)).toBe('dep is not installed')
})

test('this checkout is current, so npm test and npm start do not reinstall', () => {
  expect(staleReason()).toBe(null)
})

test('not root and a Debian package missing: stops before any test with the exact apt-get command', () => {
  const r = spawnSync(process.execPath, ['scripts/bootstrap.mjs', '--test'], {
    encoding: 'utf8',
    env: { ...process.env, BOOTSTRAP_PRETEND_MISSING: 'chromium,libokio-java', BOOTSTRAP_PRETEND_NOT_ROOT: '1' }
  })
  expect(r.status).toBe(1)
  expect(r.stderr).toContain('sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium libokio-java')
})

test('the Debian list is what the tests use (no Debian kotlin: kotlinc comes from npm)', () => {
  expect(DEBIAN_PACKAGES.map((p) => p.name)).toEqual(['chromium', 'fonts-wqy-microhei', 'fonts-noto-color-emoji', 'openjdk-17-jdk-headless', 'libokhttp-java', 'libokio-java', 'libkotlinx-coroutines-java'])
  expect(fs.readFileSync('.ci/run', 'utf8')).toMatch(/\nnpm test\n$/)
})

test('the native UTS binding is unpacked from the npm cache at install time, leaving no temp folder', () => {
  const dir = path.join(tmp, 'native')
  const utsPkg = JSON.parse(fs.readFileSync('node_modules/@dcloudio/uts/package.json', 'utf8'))
  fs.mkdirSync(path.join(dir, 'node_modules/@dcloudio/uts'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'node_modules/@dcloudio/uts/package.json'), JSON.stringify(utsPkg))
  const before = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('uts-native-')).length
  // The cache holds it since npm ci ran the prepare script: offline proves no registry is reached.
  process.env.npm_config_offline = 'true'
  try {
    expect(ensureNativeBinding(dir)).toBe(true)
  } finally {
    delete process.env.npm_config_offline
  }
  const installed = path.join(dir, 'node_modules/@dcloudio/uts-linux-x64-gnu')
  expect(JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')).version).toBe(utsPkg.optionalDependencies['@dcloudio/uts-linux-x64-gnu'])
  expect(fs.statSync(path.join(installed, 'uts.linux-x64-gnu.node')).size).toBeGreaterThan(1e6)
  expect(ensureNativeBinding(dir)).toBe(false) // already there: nothing to do
  expect(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('uts-native-')).length).toBe(before)
  expect(fs.readFileSync('scripts/check-uts.mjs', 'utf8')).not.toMatch(/'pack'/) // check-uts only requires it
}, 30000)
