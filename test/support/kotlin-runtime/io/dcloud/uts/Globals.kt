// console, Date, UniError and the small UTS-on-Android helpers the generated code calls. Sources:
// console.d.ts, Date.d.ts and Error.d.ts in @dcloudio/uni-uts-v1/lib/uts/types/uts/common/;
// IUniError / UniError in @dcloudio/uni-app-x/types/native/IUniError.d.ts and UniError.d.ts;
// UTSAndroid.typeof: docs/uts/utsandroid.md and operator.md (typeof of a number is "number" since 4.41).
@file:Suppress("unused")

package io.dcloud.uts

object console {
	private fun line(level: String, args: Array<out Any?>): String =
		"[$level] " + args.joinToString(" ") { if (it is io.dcloud.uts.android.UTSLogInfo) it.text() else it.toString(10) }

	fun log(vararg args: Any?) = System.err.println(line("log", args))
	fun info(vararg args: Any?) = System.err.println(line("info", args))
	fun debug(vararg args: Any?) = System.err.println(line("debug", args))
	fun warn(vararg args: Any?) = System.err.println(line("warn", args))
	fun error(vararg args: Any?) {
		errors++
		System.err.println(line("error", args))
		// A thrown error's frames, so a failure inside generated code can be traced here.
		for (a in args) if (a is Throwable) a.stackTrace.take(12).forEach { System.err.println("    at $it") }
	}

	/** How many console.error calls: the harness reports it, so an error logged instead of delivered is seen. */
	@Volatile var errors: Int = 0
}

open class Date {
	companion object {
		fun now(): Number = System.currentTimeMillis()
	}
}

/** AsyncApiResult + IUniError: errMsg, errCode, errSubject, data, cause. */
interface IUniError {
	var errMsg: String
	var errCode: Number
	var errSubject: String
	var data: Any?
}

open class UniError : Exception, IUniError {
	override var errMsg: String = ""
	override var errCode: Number = 0
	override var errSubject: String = ""
	override var data: Any? = null
	override var cause: Throwable? = null
	override val message: String get() = errMsg

	constructor() : super()
	constructor(errSubject: String, errCode: Number, errMsg: String) : super(errMsg) {
		this.errSubject = errSubject
		this.errCode = errCode
		this.errMsg = errMsg
	}
}

object UTSAndroid {
	/** JS typeof over Kotlin values. */
	fun `typeof`(value: Any?): String = when (value) {
		null -> "object"
		is String -> "string"
		is Number -> "number"
		is Boolean -> "boolean"
		is Function<*> -> "function"
		else -> "object"
	}
}

/** uni-app (Vue) bridge: a JS function handed to Kotlin. The harness calls it like a Kotlin function. */
open class UTSCallback(private val fn: (Array<out Any?>) -> Unit) {
	var fnJS: Any? = null
	operator fun invoke(vararg args: Any?) = fn(args)
}

/** uni-app (Vue) bridge: instances handed to JS are registered and referred to by an id. */
object UTSBridge {
	private val instances = ArrayList<Any>()
	fun registerJavaScriptClassInstance(instance: Any): Int {
		instances.add(instance)
		return instances.size
	}
	fun instance(id: Int): Any = instances[id - 1]
}

/** `new Error(message)` (Error.d.ts): UTS's Error class on Android. */
open class UTSError(override val message: String = "") : Exception(message) {
	open var name: String = "Error"
}
