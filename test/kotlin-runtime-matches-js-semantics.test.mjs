// The declaration layer (test/support/kotlin-runtime/) stands in for DCloud's runtime when the generated Android
// engine runs on the JVM. If its number semantics drifted from what UTS promises (JS's, "拉齐了web端的实现",
// docs/uts/data-type.md), the JVM run could pass on code that fails on a phone, or the reverse. So: each Kotlin
// expression below, typed as UTS `number` and compiled with DCloud's compiler plugin (which rewrites == and string
// concatenation exactly as for generated code), must print what the same expression prints in JavaScript.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { compileAgainstRuntime, runtimeClasspath, runtimeJar } from '../scripts/kotlin.mjs'

// [Kotlin expression over a: Number = 7, b: Number = 2, h: Number = 0.5, big: Number = 2147483647, nan: Number = NaN, s = "你好a";
//  the same in JS; optionally the value DCloud documents where it differs from JS]
const CASES = [
	['"" + (a + b)', '"" + (a + b)'],
	['"" + (a / b)', '"" + (a / b)'],
	['"" + (b / b)', '"" + (b / b)'],
	['"" + (a % b)', '"" + (a % b)'],
	['"" + (-a % b)', '"" + (-a % b)'],
	['"" + (a * h)', '"" + (a * h)'],
	['"" + (big + 1)', '"" + (big + 1)'],
	// Where DCloud documents a difference from JS, its document wins: on Kotlin integers are exact up to the Long
	// range ("整型的数值范围为 -9223372036854775808 到 9223372036854775807", data-type.md), where JS rounds past 2^53.
	['"" + (big * big)', '"" + (big * big)', '4611686014132420609'],
	['"" + (h + h)', '"" + (h + h)'],
	['"" + (0.1 + (h - 0.3))', '"" + (0.1 + (h - 0.3))'],
	['"" + (h / 1000000)', '"" + (h / 1000000)'],
	['"" + (big * 1000000.5 * 1000000)', '"" + (big * 1000000.5 * 1000000)'],
	['"" + Math.floor(a / b)', '"" + Math.floor(a / b)'],
	['"" + Math.pow(2, 31)', '"" + Math.pow(2, 31)'],
	['"" + (Math.floor(a / b) == 3)', '"" + (Math.floor(a / b) == 3)'],
	['"" + (h * 2 == 1)', '"" + (h * 2 == 1)'],
	['"" + (a > h)', '"" + (a > h)'],
	['"" + (b <= 2.0)', '"" + (b <= 2.0)'],
	['"" + (a and 3)', '"" + (a & 3)'],
	['"" + (a shl 29)', '"" + (a << 29)'],
	['"" + ((big + 1) or 0)', '"" + ((big + 1) | 0)'],
	['"" + (-a shr 1)', '"" + (-a >> 1)'],
	['"" + isNaN(nan)', '"" + isNaN(nan)'],
	['"" + (nan == nan)', '"" + (nan == nan)'],
	['"" + nan', '"" + nan'],
	['"" + s.length', '"" + s.length'],
	['"" + s.charCodeAt(0)', '"" + s.charCodeAt(0)'],
	['"" + s.charCodeAt(9)', '"" + s.charCodeAt(9)'],
	['"" + s.indexOf("a", 1)', '"" + s.indexOf("a", 1)'],
	['s.substring(2, 0)', 's.substring(2, 0)'],
	['s.substring(1)', 's.substring(1)'],
	['"" + s.split("").length', '"" + s.split("").length'],
	['String.fromCharCode(0x4F60, 0x597D)', 'String.fromCharCode(0x4F60, 0x597D)'],
	['JSON.stringify(_uO("n" to a / b, "i" to b / b, "s" to "q\\"", "l" to _uA(1, "x")))', 'JSON.stringify({ n: a / b, i: b / b, s: \'q"\', l: [1, "x"] })'],
	['"" + (_uA<Number>(1, 2.0, 3).indexOf(2))', '"" + [1, 2.0, 3].indexOf(2)'],
	['"" + Map<Number, String>().set(1, "one").get(1.0)', '"" + new Map([[1, "one"]]).get(1.0)'],
	// string.md documents JS's trim (all white space and line terminators); Kotlin's own strips U+001C-U+001F and keeps U+FEFF.
	['"[" + "\\uFEFF\\u001Cx\\u001F\\u3000\\u2029".trim() + "]"', '"[" + "\\uFEFF\\u001Cx\\u001F\\u3000\\u2029".trim() + "]"'],
	['"[" + " \\u00A0a ".trimStart() + "|" + " a\\uFEFF".trimEnd() + "]"', '"[" + " \\u00A0a ".trimStart() + "|" + " a\\uFEFF".trimEnd() + "]"'],
	['"" + "abc".startsWith("b", 1) + "abc".startsWith("a", -5) + "abc".startsWith("", 9) + "abc".startsWith("c", 3)', '"" + "abc".startsWith("b", 1) + "abc".startsWith("a", -5) + "abc".startsWith("", 9) + "abc".startsWith("c", 3)'],
	['"" + "abc".endsWith("b", 2) + "abc".endsWith("c", 99) + "abc".endsWith("a", -1) + "abc".endsWith("bc")', '"" + "abc".endsWith("b", 2) + "abc".endsWith("c", 99) + "abc".endsWith("a", -1) + "abc".endsWith("bc")'],
	['JSON.stringify(JSON.parse(" [1.5e2, -0.25, 0, -0, 1E-2, \\"\\\\u00e9\\\\/\\", {\\"a\\" : [ ] }]\\r\\n"))', 'JSON.stringify(JSON.parse(" [1.5e2, -0.25, 0, -0, 1E-2, \\"\\\\u00e9\\\\/\\", {\\"a\\" : [ ] }]\\r\\n"))'],
	// Invalid JSON: JS throws; DCloud documents null on apps (json.md: "如果输入的字符串不是合法的json格式，则会返回 null").
	...['{\\"a\\":01}', '+1', '\\"a\\nb\\"', '[1,]', '{\\"a\\":1}x', '\\u00A01', '.5', '1.', '\\"\\\\x\\"', '{a:1}', '[1 2]'].map((t) => ['"" + JSON.parse("' + t + '")', 'JSON.parse("' + t + '")', 'null'])
]

let dir
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }))

test('number, string and JSON semantics of the layer equal JavaScript', async () => {
	dir = mkdtempSync(path.join(os.tmpdir(), 'kt-semantics-'))
	const kt = path.join(dir, 'Semantics.kt')
	writeFileSync(kt, [
		'import io.dcloud.uts.*',
		'import io.dcloud.uts.Map',
		'fun main() {',
		'\tval a: Number = 7; val b: Number = 2; val h: Number = 0.5; val big: Number = 2147483647; val nan: Number = NaN; val s = "你好a"',
		...CASES.map(([k]) => `\tprintln(${k})`),
		'}'
	].join('\n'))
	const jar = path.join(dir, 'semantics.jar')
	const { ok, log } = await compileAgainstRuntime([kt], jar)
	expect(log).toBe('')
	expect(ok).toBe(true)
	const out = execFileSync('java', ['-cp', runtimeClasspath(jar, await runtimeJar()), 'SemanticsKt'], { encoding: 'utf8' }).split('\n').slice(0, CASES.length)
	const a = 7, b = 2, h = 0.5, big = 2147483647, nan = NaN, s = '你好a'
	// eslint-disable-next-line no-eval
	const expected = CASES.map(([, js, documented]) => documented ?? String(eval(js)))
	expect(CASES.map(([k], i) => [k, out[i]])).toEqual(CASES.map(([k], i) => [k, expected[i]]))
}, 300000)
