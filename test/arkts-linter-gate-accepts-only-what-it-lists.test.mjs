// scripts/check-arkts.mjs (the HarmonyOS step of npm run check:native): Huawei's ArkTS linter over generated ArkTS.
// Planted in small .ets files shaped like DCloud's output: an error the gate does not list fails it; the two
// diagnostics it accepts (each with its reason, in the plugin readme) pass only in their exact shape; and the control
// that justifies the structural-typing acceptance is still flagged by this linter.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { lintArkTS } from '../scripts/check-arkts.mjs'

let dir, result
const file = (name) => path.join(dir, 'app-harmony-x/out', name)
beforeAll(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arkts-gate-'))
	fs.mkdirSync(path.join(dir, 'app-harmony-x/out'), { recursive: true })
	const put = (name, text) => fs.writeFileSync(file(name), text)
	put('structural.ets', 'class PlantedA { x: number = 1 }\nclass PlantedB { x: number = 2 }\nexport function copy(): number {\n    const a: PlantedA = new PlantedB();\n    return a.x;\n}\n')
	put('cause.ets', [
		'import { UniError, UTSObject } from "@dcloudio/uni-app-x-runtime";',
		'class Fail extends UniError {',
		'    constructor(cause: Fail | null) {',
		'        super();',
		'        if (cause != null) this.cause = cause;',
		'    }',
		'}',
		'export function wrap(f: Fail, cause: Fail | null): Fail {',
		'    if (cause != null) f.cause = cause;',
		'    const other: Error = f;',
		'    return f;',
		'}',
		'export class Options extends UTSObject {',
		'    url!: string;',
		'}',
		''
	].join('\n'))
	result = lintArkTS([file('structural.ets'), file('cause.ets')], dir)
}, 120000)
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const at = (list, name) => list.filter((f) => f.file === file(name)).map((f) => [f.line, f.category, f.rule])

test('a class used where another is expected is an error the gate does not accept', () => {
	expect(at(result.findings, 'structural.ets')).toEqual([[4, 'Error', 'arkts-no-structural-typing']])
})

test('accepted: a UniError subclass stored in cause, in the exact generated shape; the same mismatch elsewhere fails', () => {
	expect(result.controlFlagged).toBe(true)
	expect(at(result.accepted, 'cause.ets')).toEqual([
		[5, 'Error', 'arkts-no-structural-typing'],
		[9, 'Error', 'arkts-no-structural-typing'],
		[14, 'Warning', 'arkts-no-definite-assignment']
	])
	expect(at(result.findings, 'cause.ets')).toEqual([[10, 'Error', 'arkts-no-structural-typing']])
})
