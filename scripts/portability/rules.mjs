// The rule table of scripts/check-portability.mjs: what each rule flags, on which app targets, and the
// DCloud line it comes from. Docs are quoted from the GitHub repositories DCloud publishes them in
// (dcloudio/unidocs-uni-app-x-zh at e159cdc, 2026-07-24, unless said otherwise); a rule without a
// quotable source is not added (see docs/uts-portability.md for what was left out and why).

export const APP_PLATFORMS = ['app-android', 'app-ios', 'app-harmony']
const ALL = APP_PLATFORMS
const IOS = ['app-ios']
const KOTLIN_SWIFT = ['app-android', 'app-ios']

const X = 'dcloudio/unidocs-uni-app-x-zh'
/** The Swift Programming Language, at 2932999 (2026-07-14). */
const SWIFT_BOOK = 'swiftlang/swift-book'

/**
 * cite: quote is the document's own words; note describes a source that has no quotable sentence (code).
 * sharedOnly: not applied inside app-android/, app-ios/, app-harmony/ (that target's own code).
 * swiftOnly: a rule on the Swift syntax tree (scripts/portability/native-swift.mjs), with no UTS-source twin.
 * @type {Record<string, {platforms: string[], sharedOnly?: boolean, what: string, why: string, fix: string, cite: {repo: string, file: string, line?: number, quote?: string, note?: string}[]}>}
 */
export const RULES = {
	'fn-expr-self-reference': {
		platforms: KOTLIN_SWIFT,
		what: 'a function expression or arrow function that refers to the variable it initializes (or a function that uses its own name as a value)',
		why: 'UTS has no hoisting: the generated Kotlin/Swift closure cannot see a variable before its declaration ends (kotlinc: unresolved reference; swiftc: closure captures it before it is declared). Not applied to HarmonyOS: ArkTS keeps JavaScript scoping, and DCloud\'s own app-harmony plugins (uni-payment-wxpay, uni-shareWithSystem) unregister a closure from inside itself',
		fix: 'make it a method (this.check()) or declare the variable first: let f: (() => void) | null = null; f = () => { ... f!() }',
		cite: [
			{ repo: X, file: 'docs/uts/function.md', line: 336, quote: 'UTS 中不存在变量提升，在函数表达式中不可以访问未声明的变量或函数（包括自身）。' },
			{ repo: X, file: 'docs/uts/uts_diff_ts.md', line: 1438, quote: '在函数表达式中不可以访问未声明的变量或函数（包括自身）@uts110111165' },
		],
	},
	'use-before-declaration': {
		platforms: ALL,
		what: 'inside a function, a local variable (any target) or local function (Android) used before the line that declares it, e.g. from a closure written above it',
		why: 'in local scope Kotlin needs functions and variables declared before use; Swift and ArkTS need variables declared before use',
		fix: 'move the declaration above its first use',
		cite: [
			{ repo: X, file: 'docs/uts/README.md', line: 217, quote: '| Android | Kotlin | 函数/变量可先使用后定义 | 函数/变量必须先定义后使用 |' },
			{ repo: X, file: 'docs/uts/README.md', line: 218, quote: '| iOS | Swift | 函数/变量可先使用后定义 | 函数可先使用后定义；变量需先定义后使用 |' },
			{ repo: X, file: 'docs/uts/uts_diff_ts.md', line: 206, quote: '不支持变量和函数的声明提升 (hoisting) @uts110111150' },
		],
	},
	'function-equality': {
		platforms: IOS,
		what: 'comparing function values: ==, !=, ===, !== between functions, indexOf/lastIndexOf/includes with a function argument, Set/Map keyed by a function type',
		why: 'UTS functions become Swift closures, which are not Equatable or Hashable: the generated Swift does not compile. DCloud documents no closure comparison; its own iOS off* APIs never compare closures (they remove every listener or take a listener id), while the Android twins use indexOf(callback)',
		fix: 'identify listeners by an id returned at registration (off(id)), or drop every listener of the type on iOS',
		cite: [
			{ repo: 'dcloudio/uni-api', file: 'uni_modules/uni-memorywarning/utssdk/app-ios/index.uts', note: 'offMemoryWarning(callback) sets the one listener to null without comparing it (the app-android file uses listeners.indexOf(callback))' },
			{ repo: X, file: 'docs/uts/utsios.md', line: 301, quote: '### offOsThemeChange(callbackId)' },
		],
	},
	'array-mutation-through-copy': {
		platforms: IOS,
		what: 'mutating an array (push/pop/shift/unshift/splice/sort/reverse/fill, element or length assignment) through a cast (x as T[]), through a local alias of an array held elsewhere (const a = this.items / map.get(k) / b[i]), or through a parameter',
		why: 'Swift arrays are values: the cast (as!), the alias (var a = self.items) and the parameter are copies, so the mutation is lost (or, for a parameter, does not compile)',
		fix: 'mutate the owner directly (this.items.push(x)), write the array back (map.set(k, a)), or keep the list in a class instance',
		cite: [{ repo: X, file: 'docs/uts/data-type.md', line: 1100, quote: 'Swift 中的 Array 是值类型' }],
	},
	'stored-closure-captures-this': {
		platforms: IOS,
		what: 'a class stores (in a field or property initializer) a closure that uses this, or an object constructed with this / such a closure',
		why: 'Swift counts references (ARC): the instance holds the closure or object, which holds the instance, so neither is ever freed unless the cycle is broken by hand; generated closures capture self strongly',
		fix: 'break the reference when the object is done (e.g. a detach()/close() that drops the closures) and say so in a suppression, or store the closure in an object that does not hold this',
		cite: [
			{ repo: X, file: 'docs/tutorial/android-memoryleak.md', line: 527, quote: '回调函数捕获`this`' },
			{ repo: X, file: 'docs/tutorial/android-memoryleak.md', line: 532, quote: '对于这种基于回调的监听器，必须在页面销毁时手动注销监听，切断引用链。' },
		],
	},
	'strict-equality-on-value': {
		platforms: IOS,
		what: '=== or !== with a number, string, boolean or null operand',
		why: 'Swift only compares object references with === (number, string and array operands fail to compile). The same table gives value equality for Kotlin, and DCloud\'s own app-android code uses === null, so only iOS is held to it',
		fix: 'use == and !=',
		cite: [
			{ repo: X, file: 'docs/uts/operator.md', line: 262, quote: 'js中可以比较基础类型。swift中不可以比较基础类型，只能比较对象类型' },
			{ repo: X, file: 'docs/uts/type-compatibility.md', line: 108, quote: '如果需要判断是否为null建议使用两个等号，不要使用三个等号' },
		],
	},
	'no-undefined': {
		platforms: KOTLIN_SWIFT,
		what: 'undefined as a value or type, or typeof x compared with "undefined"',
		why: 'Kotlin and Swift have no undefined, only null (a typeof check against "undefined" is never true there). ArkTS has undefined, and DCloud\'s app-harmony protocol.uts files return it',
		fix: 'use null and == null',
		cite: [
			{ repo: X, file: 'docs/uts/data-type.md', line: 654, quote: '在kotlin和swift环境下，是没有undefined的，空就是null。' },
			{ repo: X, file: 'docs/uts/uts_diff_ts.md', line: 36, quote: '不支持 undefined @uts110111119' },
		],
	},
	'void-operator': {
		platforms: ALL,
		what: 'the void operator (void 0, void f())',
		why: 'void as an operator yields undefined and exists only when the target is JavaScript',
		fix: 'use null, or call the function as a statement',
		cite: [{ repo: X, file: 'docs/uts/data-type.md', line: 689, quote: '作为操作符时，用于返回 undefined ... 仅在目标语言为js时支持' }],
	},
	'for-in': {
		platforms: ALL,
		sharedOnly: true,
		what: 'for (k in x) in shared code (files outside the app-*/ folders)',
		why: 'UTS passes for..in to each target unchanged: over an Array it yields indices on the web but values on Android and iOS. Inside an app-*/ folder it is that target\'s own loop (DCloud\'s app-android plugins iterate Kotlin collections with it)',
		fix: 'use for..of, or an index loop',
		cite: [{ repo: X, file: 'docs/uts/control.md', line: 243, quote: '针对 Array/Set/Map 等集合类型以及 String 的遍历建议使用 for...of， 不建议使用 for...in。' }],
	},
	'delete-operator': {
		platforms: ALL,
		what: 'the delete operator',
		why: 'objects compile to classes with fixed fields',
		fix: 'set the field to null, or use a Map and map.delete(k)',
		cite: [{ repo: X, file: 'docs/uts/uts_diff_ts.md', line: 2103, quote: '不支持 delete 运算符 @uts110111149' }],
	},
	'global-this': {
		platforms: KOTLIN_SWIFT,
		what: 'globalThis',
		why: 'Kotlin and Swift have no global object (ArkTS has one: DCloud\'s app-harmony plugins call globalThis.getCurrentPages())',
		fix: 'export and import the value',
		cite: [{ repo: X, file: 'docs/uts/uts_diff_ts.md', line: 1957, quote: '不支持 globalThis @uts110111147' }],
	},
	'spread-argument': {
		platforms: IOS,
		what: 'spreading an array into call arguments: f(...list)',
		why: 'not translated for Swift: the generated code keeps the ...prefix, which Swift reads as a range operator',
		fix: 'pass the array, or loop',
		cite: [{ repo: X, file: 'docs/uts/function.md', line: 326, quote: '也可以使用展开语法传递一个数组值给函数的剩余参数（转到 swift 时未支持）' }],
	},
	'destructuring-json': {
		platforms: ALL,
		what: 'object destructuring of a UTSJSONObject, an untyped object literal or an any value',
		why: 'a known compiler failure (untyped object literals are UTSJSONObject)',
		fix: 'read the fields: obj.a / obj["a"] as T',
		cite: [{ repo: X, file: 'docs/uts/compiler-known-issues.md', line: 670, quote: '问题描述：解构UTSJSONObject时报错' }],
	},
	'assignment-as-value': {
		platforms: KOTLIN_SWIFT,
		what: 'an assignment used as a value: a = b = c, while ((x = next()))',
		why: 'in Kotlin and Swift an assignment is a statement, not an expression (ArkTS keeps JavaScript\'s assignment expressions). Call arguments are not assignments: f(label = value) is how UTS writes Swift/Kotlin argument labels',
		fix: 'assign in its own statement',
		cite: [{ repo: X, file: 'docs/uts/uts_diff_ts.md', line: 2047, quote: '不支持赋值语句返回值 @uts110111160' }],
	},
	'logical-assignment': {
		platforms: KOTLIN_SWIFT,
		what: '&&= and ||=',
		why: 'Kotlin and Swift have no such operators',
		fix: 'write if (...) x = y',
		cite: [{ repo: X, file: 'docs/uts/operator.md', line: 139, quote: '`&&=` ... `||=` ... Kotlin、Swift 不支持' }],
	},
	'comma-operator': {
		platforms: ALL,
		what: 'the comma operator outside a for (...) header',
		why: 'Kotlin and Swift have no comma operator',
		fix: 'one statement per expression',
		cite: [{ repo: X, file: 'docs/uts/uts_diff_ts.md', line: 2155, quote: '逗号运算符仅用在 for 循环语句中 @uts110111157' }],
	},
	'throw-non-error': {
		platforms: ALL,
		what: 'throw of a string, number, boolean or null',
		why: 'Kotlin throws Throwable and Swift throws Error: only error objects can be thrown',
		fix: 'throw new Error(message)',
		cite: [{ repo: X, file: 'docs/uts/uts_diff_ts.md', line: 2188, quote: '限制 throw 语句中表达式的类型 @uts110111158' }],
	},
	'non-boolean-condition': {
		platforms: KOTLIN_SWIFT,
		what: 'a condition (if, while, do, for, ?:, !, &&, ||) whose type is not boolean: a number, string, object or nullable value',
		why: 'Kotlin and Swift have no truthiness (ArkTS has; DCloud\'s app-harmony plugins write if (name))',
		fix: 'compare explicitly: x != null, s.length > 0, b == true',
		cite: [{ repo: X, file: 'docs/uts/uts_diff_ts.md', line: 78, quote: '条件语句必须使用布尔类型 @uts110111120' }],
	},
	'unary-on-non-number': {
		platforms: ALL,
		what: 'unary +, - or ~ on a value that is not a number (+"5")',
		why: 'no implicit conversion to number on the native targets',
		fix: 'parseInt / parseFloat / Number.from...',
		cite: [{ repo: X, file: 'docs/uts/uts_diff_ts.md', line: 1991, quote: '一元运算符+、-和~仅适用于数值类型 @uts110111148' }],
	},
	'class-index-access': {
		platforms: ALL,
		what: 'reading or writing a class instance field by index: obj["field"]',
		why: 'classes compile to native classes without a subscript',
		fix: 'obj.field (or a Map / UTSJSONObject when the key is dynamic)',
		cite: [{ repo: X, file: 'docs/uts/uts_diff_ts.md', line: 607, quote: 'class 不支持通过索引访问字段 @uts110111129' }],
	},
	'any-member-access': {
		platforms: ALL,
		what: 'a property, index or call on a value typed any (declared any, or read from a UTSJSONObject or any by index) without a cast',
		why: 'UTS any is a platform "any non-null" type; members of the real type need a cast first',
		fix: '(x as T).member',
		cite: [{ repo: X, file: 'docs/uts/uts_diff_ts.md', line: 23, quote: '在使用时仍需类型转换后才能访问具体类型的方法和属性。' }],
	},
	'narrowed-optional-without-unwrap': {
		platforms: IOS,
		what: 'a local or parameter declared nullable (T | null) used as T after a check (if (x != null), typeof x == ...) without x!, where null is not accepted (a receiver, a call, a non-nullable argument or assignment, a + operand)',
		why: 'the uni-app (Vue) project kind compiles UTS to Swift without flow narrowing: x stays an Optional there, and using it as T does not compile (uni-app x inserts the cast itself). DCloud\'s own plugins write x! after the check',
		fix: 'x! after the null check, or a typed non-null local: const v : T = x!',
		cite: [
			{ repo: X, file: 'docs/uts/data-type.md', line: 613, quote: '非空断言运算符（!）将任何值转换为非空类型。可以写 b! ，这会返回一个非空的 b 值' },
			{ repo: X, file: 'docs/uts/data-type.md', line: 571, note: 'the same page says the compiler tracks if (b != null) checks ("编译器会跟踪所执行检测的信息"); the uni-app (Vue) kind\'s Swift does not: check-uts output of 2026-12-04 used 60+ narrowed optionals without unwrapping' },
		],
	},
	// Rules on the syntax tree of Swift (generated by DCloud's compiler, or hand-written): scripts/portability/native-swift.mjs.
	'swift-syntax-error': {
		platforms: IOS,
		swiftOnly: true,
		what: 'Swift that tree-sitter-swift cannot parse (an ERROR or MISSING node), e.g. a loop body without braces: while (i < n) i++',
		why: 'Swift requires a code block in braces after if, while, for and repeat; DCloud\'s compiler copies a brace-less loop body as it is (and a spread argument f(...list) as a range), so the generated Swift does not parse',
		fix: 'braces on every loop (and if) body in the UTS source: while (i < n) { i++ }',
		cite: [
			{ repo: SWIFT_BOOK, file: 'TSPL.docc/ReferenceManual/Statements.md', line: 131, quote: '*while-statement* → **`while`** *condition-list* *code-block*' },
			{ repo: SWIFT_BOOK, file: 'TSPL.docc/ReferenceManual/Declarations.md', line: 97, quote: '*code-block* → **`{`** *statements*_?_ **`}`**' },
		],
	},
	'throw-in-non-throwing-closure': {
		platforms: IOS,
		swiftOnly: true,
		what: 'a throw inside a closure (not caught by a do/catch in it) whose type is a UTS function type, e.g. a function value stored in a field or passed as a callback',
		why: 'a closure that throws is a throwing function; UTS function types become non-throwing Swift function types, and only the other direction converts',
		fix: 'report the failure through the normal error path (a callback, a returned error, a failing transport) instead of throw',
		cite: [{ repo: SWIFT_BOOK, file: 'TSPL.docc/ReferenceManual/Types.md', line: 374, quote: 'You can use a nonthrowing function in the same places as a throwing function.' }],
	},
	'self-before-init': {
		platforms: IOS,
		swiftOnly: true,
		what: 'in an initializer, before super.init (or, without one, anywhere: Swift calls it at the end), self captured by a closure, passed as a value, or sent a method call',
		why: 'Swift\'s two-phase initialization: self is not usable until every stored property is set and the superclass initializer ran',
		fix: 'constructors only assign fields; move the work into a start() method that the factory calls right after construction',
		cite: [{ repo: SWIFT_BOOK, file: 'TSPL.docc/LanguageGuide/Initialization.md', line: 1022, quote: 'An initializer can\'t call any instance methods, read the values of any instance properties, or refer to `self` as a value until after the first phase of initialization is complete.' }],
	},
	'unknown-swift-type': {
		platforms: IOS,
		swiftOnly: true,
		what: 'a type named in a cast (as!/as?), an is check, a type annotation or a constructor call that neither the Swift file, Swift, Foundation nor DCloud\'s runtime declares (files with imports only: a snippet without imports is not a whole file)',
		why: 'uni-app x renames a class whose name clashes (ProviderError becomes ProviderError__1) and renames its uses only in files that import it: a file relying on a compiler-inserted cast keeps the old name',
		fix: 'import every class a .uts file names, including through casts the compiler adds (a typed local: const e : ProviderError | null = ...)',
		cite: [{ repo: SWIFT_BOOK, file: 'TSPL.docc/ReferenceManual/Types.md', line: 90, quote: 'Most of the time, a type identifier directly refers to a named type with the same name as the identifier.' }, { repo: 'this repository', file: 'docs/uts-portability.md', note: 'DCloud documents no rename; ProviderError → ProviderError__1 is what check-uts generated for uni-app x on 2026-12-04 (the decoders cast to ProviderError without importing it)' }],
	},
	'iuo-copy-without-type': {
		platforms: IOS,
		swiftOnly: true,
		what: 'var x = a.b without a type annotation, where b is declared implicitly unwrapped (url: String!, how DCloud emits required fields of option types)',
		why: 'the copy is an ordinary Optional (String?), not String, so using it as a String does not compile',
		fix: 'give the UTS local its type: const url : string = options.url',
		cite: [{ repo: SWIFT_BOOK, file: 'TSPL.docc/LanguageGuide/TheBasics.md', line: 1812, quote: 'let optionalString = assumedString // The type of optionalString is "String?" and assumedString isn\'t force-unwrapped.' }],
	},
	'json-force-cast': {
		platforms: IOS,
		swiftOnly: true,
		what: 'x as! T where x is read from JSON (a subscript, JSON.parse, or a local holding one) and the function checks no type of it that matches T (UTSiOS.typeof(x) == "string" for String, UTSiOS.instanceof(x, T.self), Array.isArray(x))',
		why: 'a forced cast of a value of the wrong type is a runtime error: a crash on unexpected server input',
		fix: 'check the type that is cast to first (instanceof UTSJSONObject, typeof == "string") and return null otherwise',
		cite: [{ repo: SWIFT_BOOK, file: 'TSPL.docc/ReferenceManual/Expressions.md', line: 515, quote: 'If the cast fails, a runtime error is raised.' }],
	},
	// Bookkeeping for suppressions themselves.
	'suppression-without-reason': {
		platforms: ALL,
		what: 'a portability-ignore comment without a reason, or naming an unknown rule',
		why: 'a suppression must say why the pitfall does not apply, so a reviewer can check it',
		fix: '// portability-ignore <rule-id>: <why this is safe>',
		cite: [],
	},
}

/** One line per citation, for reports. */
export function citationText(ruleId) {
	return RULES[ruleId].cite.map((c) => `${c.repo} ${c.file}${c.line ? ':' + c.line : ''}: ${c.quote ? `"${c.quote}"` : c.note}`)
}
