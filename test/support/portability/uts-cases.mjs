// One violating and one compliant UTS snippet per rule of scripts/check-portability.mjs (file: where the
// snippet sits under utssdk/, default common/). `also` lists more violating shapes of the same rule.
export const UTS_CASES = {
	'fn-expr-self-reference': {
		bad: `export function start() : void {
	const check = () : void => {
		setTimeout(check, 10)
	}
	setTimeout(check, 10)
}`,
		good: `export function start() : void {
	let check : (() => void) | null = null
	check = () : void => {
		setTimeout(check!, 10)
	}
	setTimeout(check!, 10)
}`,
		also: [
			// The heartbeat of common/connection.uts before issue 9: a method-local arrow re-arming itself.
			`export class Beat {
	private timer : number = 0
	start(limit : number) : void {
		const check = () : void => {
			this.timer = setTimeout(check, limit)
		}
		this.timer = setTimeout(check, limit)
	}
}`,
			`export const f = function g() : void { setTimeout(g, 1) }`,
			`export function fn() : void { console.log(fn) }`,
		],
	},
	'use-before-declaration': {
		bad: `export function run() : number {
	const read = () : number => total
	const total = 3
	return read()
}`,
		good: `export function run() : number {
	const total = 3
	const read = () : number => total
	return read()
}`,
	},
	'function-equality': {
		bad: `type Callback = (n : number) => void
export class Registry {
	private list : Callback[] = []
	remove(cb : Callback) : void {
		this.list = this.list.filter((c : Callback) : boolean => c != cb)
	}
}`,
		good: `type Callback = (n : number) => void
class Entry {
	id : number
	cb : Callback
	constructor(id : number, cb : Callback) {
		this.id = id
		this.cb = cb
	}
}
export class Registry {
	private list : Entry[] = []
	remove(id : number) : void {
		this.list = this.list.filter((e : Entry) : boolean => e.id != id)
	}
	hasAny(cb : Callback | null) : boolean {
		return cb != null
	}
}`,
		also: [
			`type Callback = (n : number) => void
export function has(list : Callback[], cb : Callback) : boolean { return list.indexOf(cb) != -1 }`,
			`type Callback = (n : number) => void
export function same(a : Callback, b : Callback) : boolean { return a === b }`,
			`type Callback = (n : number) => void
export const all : Set<Callback> = new Set()`,
		],
	},
	'array-mutation-through-copy': {
		bad: `export class Lists {
	private named : Map<string, string[]> = new Map<string, string[]>()
	add(type : string, item : string) : void {
		const list = this.named.get(type)
		if (list == null) this.named.set(type, [item])
		else list.push(item)
	}
}`,
		good: `export class Lists {
	private named : Map<string, string[]> = new Map<string, string[]>()
	private all : string[] = []
	add(type : string, item : string) : void {
		const list = this.named.get(type)
		if (list == null) this.named.set(type, [item])
		else this.named.set(type, list!.concat([item]))
		this.all.push(item)
		const copy = this.all.slice()
		copy.push(item)
	}
}`,
		also: [
			`export function put(o : UTSJSONObject) : void { (o['k'] as string[]).push('x') }`,
			`export function add(list : string[], s : string) : void { list.push(s) }`,
			`export class Buf {
	private units : number[] = [0, 0]
	fill() : void {
		const units = this.units
		units[0] = 1
	}
}`,
		],
	},
	'stored-closure-captures-this': {
		bad: `type Handler = (s : string) => void
class Parser {
	private onLine : Handler
	constructor(onLine : Handler) {
		this.onLine = onLine
	}
}
export class Conn {
	private lines : number = 0
	private parser : Parser
	constructor() {
		this.parser = new Parser((s : string) : void => {
			this.lines++
		})
	}
}`,
		good: `type Handler = (s : string) => void
class Parser {
	private onLine : Handler
	constructor(onLine : Handler) {
		this.onLine = onLine
	}
}
class Counter {
	n : number = 0
}
export class Conn {
	private counter : Counter = new Counter()
	private parser : Parser
	private timer : number = 0
	constructor() {
		const counter = this.counter
		this.parser = new Parser((s : string) : void => {
			counter.n++
		})
		// A timer holds its closure, this class only the id: no cycle.
		this.timer = setTimeout(() : void => { this.timer = 0 }, 10)
	}
}`,
		also: [
			`export class Ticker {
	private n : number = 0
	private tick = () : void => { this.n++ }
}`,
			`class Helper {
	private owner : Owner
	constructor(owner : Owner) {
		this.owner = owner
	}
}
export class Owner {
	private helper : Helper | null = null
	start() : void {
		this.helper = new Helper(this)
	}
}`,
		],
	},
	'strict-equality-on-value': {
		bad: `export function same(a : number, b : number) : boolean { return a === b }`,
		good: `class Box {}
export function same(a : number, b : number, x : Box, y : Box) : boolean { return a == b && x === y }`,
		also: [`export function isNull(s : string | null) : boolean { return s === null }`, `export function isA(s : string) : boolean { return s !== 'a' }`],
	},
	'no-undefined': {
		bad: `export function empty(v : string | null) : boolean { return v == undefined }`,
		good: `export function empty(v : string | null) : boolean { return v == null }`,
		also: [`export let x : string | undefined = null`, `export function has(v : any) : boolean { return typeof v != 'undefined' }`],
	},
	'void-operator': {
		bad: `export function run(g : () => number) : void { void g() }`,
		good: `export function run(g : () => number) : void { g() }`,
	},
	'for-in': {
		bad: `export function keys(o : UTSJSONObject) : number {
	let n = 0
	for (const k in o) n++
	return n
}`,
		good: `export function sum(list : number[]) : number {
	let s = 0
	for (const v of list) s += v
	return s
}`,
	},
	'delete-operator': {
		bad: `export function clear(o : UTSJSONObject) : void { delete o['k'] }`,
		good: `export function clear(m : Map<string, string>) : void { m.delete('k') }`,
	},
	'global-this': {
		bad: `export const host = globalThis`,
		good: `export const host = 1`,
	},
	'spread-argument': {
		bad: `export function max(list : number[]) : number { return Math.max(...list) }`,
		good: `export function max(list : number[]) : number {
	const copy = [...list, 0]
	let m = copy[0]
	for (const v of copy) if (v > m) m = v
	return m
}`,
	},
	'destructuring-json': {
		bad: `export function first(o : UTSJSONObject) : number {
	const { a } = o
	return a as number
}`,
		good: `export function first(o : UTSJSONObject) : number { return o['a'] as number }`,
	},
	'assignment-as-value': {
		bad: `export function f() : number {
	let a = 0
	let b = 0
	a = b = 5
	return a + b
}`,
		good: `export function f() : number {
	let a = 0
	let b = 0
	b = 5
	a = b
	const set = (n : number) : void => { a = n }
	set(1)
	for (let i = 0; i < 2; i += 1) a += i
	return a + b
}`,
	},
	'logical-assignment': {
		bad: `export function f(a : boolean, b : boolean) : boolean {
	let x = a
	x ||= b
	return x
}`,
		good: `export function f(a : boolean, b : boolean) : boolean {
	let x = a
	if (!x) x = b
	return x
}`,
	},
	'comma-operator': {
		bad: `export function f() : number {
	let x = 0
	x = (x++, x + 1)
	return x
}`,
		good: `export function f() : number {
	let x = 0
	for (let i = 0, j = 0; i < 3; i++, j++) x += j
	return x
}`,
	},
	'throw-non-error': {
		bad: `export function f() : void { throw 'boom' }`,
		good: `export function f() : void { throw new Error('boom') }`,
	},
	'non-boolean-condition': {
		bad: `export function f(s : string) : number {
	if (s.length) return 1
	return 0
}`,
		good: `export function f(s : string, b : boolean | null) : number {
	if (s.length > 0 && !(b == true)) return 1
	return s.length > 1 ? 2 : 0
}`,
		also: [`export function f(list : number[] | null) : number[] { return list || [] }`, `export function f(b : boolean | null) : boolean { return !b }`],
	},
	'unary-on-non-number': {
		bad: `export function f(s : string) : number { return +s }`,
		good: `export function f(s : string, n : number) : number { return parseFloat(s) + -n + ~n }`,
	},
	'class-index-access': {
		bad: `class Point {
	x : number = 0
}
export function read(p : Point) : number { return p['x'] }`,
		good: `class Point {
	x : number = 0
}
export function read(p : Point, o : UTSJSONObject, list : number[]) : number { return p.x + (o['x'] as number) + list[0] }`,
	},
	'any-member-access': {
		bad: `export function len(v : any) : number { return v.length }`,
		good: `export function len(v : any) : number { return (v as string).length }`,
		also: [`export function f(o : UTSJSONObject) : string { return o['a'].toString() }`, `export function f(list : any[]) : number { return list[0].length }`],
	},
	'narrowed-optional-without-unwrap': {
		bad: `export function upper(method : string | null) : string {
	if (method != null) {
		return method.toUpperCase()
	}
	return 'GET'
}`,
		good: `export function upper(method : string | null, fallback : string | null) : string {
	if (method != null) {
		return method!.toUpperCase()
	}
	const other : string | null = fallback
	return other ?? 'GET'
}`,
		also: [
			`export function redirectOf(redirect : string | null) : string {
	let r : string = 'follow'
	if (redirect != null) {
		if (redirect != 'follow' && redirect != 'error') return 'bad'
		r = redirect
	}
	return r
}`,
			`export function call(same : ((a : number) => boolean) | null) : boolean {
	return same != null && same(1)
}`,
		],
	},
}
