// UTSObject (the base of UTS `type` classes), UTSJSONObject and JSON, from the UTS typings
// (@dcloudio/uni-uts-v1/lib/uts/types/uts/common/UTSJSONObject.d.ts, JSON.d.ts) and
// docs/uts/buildin-object-api/utsjsonobject.md. JSON.parse gives UTSJSONObject / UTSArray<Any?> /
// Number / String / Boolean / null, as documented there.
@file:Suppress("unused")

package io.dcloud.uts


/** Marks a non-null field of a UTS `type` (the generated code puts it on required constructor parameters). */
@Target(AnnotationTarget.VALUE_PARAMETER, AnnotationTarget.PROPERTY, AnnotationTarget.FIELD)
annotation class JsonNotNull

/** Base of the classes the compiler generates for UTS `type` literals. */
open class UTSObject

open class UTSJSONObject {
	private val map = LinkedHashMap<String, Any?>()

	constructor()

	open operator fun get(key: String): Any? = map[key]
	open operator fun set(key: String, value: Any?) {
		map[key] = value
	}
	fun toMap(): kotlin.collections.Map<String, Any?> = map

	// Typed getters (UTSJSONObject.d.ts getAny/getString/getNumber/getBoolean/getJSON/getArray, with and without a
	// default; utsjsonobject.md): the value under key when it has that type, else null or def. Only plain keys are
	// declared here (the real ones also resolve key paths such as "a.b" and "a[0]", which the plugin never passes).
	fun getAny(key: String): Any? = map[key]
	fun getAny(key: String, def: Any): Any = map[key] ?: def
	fun getString(key: String): String? = map[key] as? String
	fun getString(key: String, def: String): String = getString(key) ?: def
	fun getNumber(key: String): Number? = map[key] as? Number
	fun getNumber(key: String, def: Number): Number = getNumber(key) ?: def
	fun getBoolean(key: String): Boolean? = map[key] as? Boolean
	fun getBoolean(key: String, def: Boolean): Boolean = getBoolean(key) ?: def
	fun getJSON(key: String): UTSJSONObject? = map[key] as? UTSJSONObject
	fun getJSON(key: String, def: UTSJSONObject): UTSJSONObject = getJSON(key) ?: def
	@Suppress("UNCHECKED_CAST")
	fun getArray(key: String): UTSArray<Any?>? = map[key] as? UTSArray<Any?>

	companion object {
		fun keys(obj: UTSJSONObject): UTSArray<String> = UTSArray(obj.map.keys)
	}

	override fun toString(): String = JSON.stringify(this)
}

/** `{ k: v }` literals. */
fun _uO(vararg pairs: Pair<String, Any?>): UTSJSONObject {
	val o = UTSJSONObject()
	for ((k, v) in pairs) o[k] = v
	return o
}

object JSON {
	fun stringify(value: Any?): String {
		val sb = StringBuilder()
		write(sb, value)
		return sb.toString()
	}

	/**
	 * json.md: "如果输入的字符串不是合法的json格式，则会返回 null" (invalid JSON gives null, on apps). The runtime also
	 * reports the failure on the console unless ignoreError is passed (JSON.parse's ignoreError parameter, Android
	 * 4.41+): printed to stderr here, not counted as the plugin's console.error.
	 */
	fun parse(text: String): Any? {
		val p = Parser(text)
		return try {
			val v = p.value()
			p.end()
			v
		} catch (e: Invalid) {
			System.err.println("[JSON.parse] ${e.message}")
			null
		}
	}

	private fun write(sb: StringBuilder, v: Any?) {
		when (v) {
			null -> sb.append("null")
			is String -> quote(sb, v)
			is Boolean -> sb.append(v)
			is Number -> sb.append(if (isNaN(v) || v.toDouble().isInfinite()) "null" else jsNumberString(v))
			is UTSJSONObject -> {
				sb.append('{')
				var first = true
				for ((k, x) in v.toMap()) {
					if (!first) sb.append(',')
					first = false
					quote(sb, k)
					sb.append(':')
					write(sb, x)
				}
				sb.append('}')
			}
			is List<*> -> {
				sb.append('[')
				v.forEachIndexed { i, x ->
					if (i > 0) sb.append(',')
					write(sb, x)
				}
				sb.append(']')
			}
			is UTSObject -> write(sb, objectOf(v))
			else -> quote(sb, v.toString())
		}
	}

	/** A UTS `type` instance serialises its properties, as JSON.stringify does for the object literal. */
	private fun objectOf(v: UTSObject): UTSJSONObject {
		val o = UTSJSONObject()
		for (m in v.javaClass.methods) {
			if (m.parameterCount == 0 && m.name.startsWith("get") && m.name.length > 3 && m.declaringClass != Any::class.java && m.name != "getClass") {
				o[m.name[3].lowercaseChar() + m.name.substring(4)] = m.invoke(v)
			}
		}
		return o
	}

	private fun quote(sb: StringBuilder, s: String) {
		sb.append('"')
		for (c in s) {
			when {
				c == '"' -> sb.append("\\\"")
				c == '\\' -> sb.append("\\\\")
				c == '\n' -> sb.append("\\n")
				c == '\r' -> sb.append("\\r")
				c == '\t' -> sb.append("\\t")
				c < ' ' -> sb.append(String.format("\\u%04x", c.code))
				else -> sb.append(c)
			}
		}
		sb.append('"')
	}

	/** A parse failure: JSON.parse turns it into null (json.md). */
	private class Invalid(message: String) : Exception(message)

	// Strict JSON (ECMA-404 / RFC 8259, what JS's JSON.parse accepts): insignificant whitespace is only space, tab,
	// LF and CR; numbers have no leading zero, no '+', no bare '.'; strings hold no raw control character; escapes are
	// the eight of the grammar plus \uXXXX with four hex digits.
	private class Parser(val s: String) {
		var i = 0
		fun fail(what: String): Nothing = throw Invalid("$what at position $i")
		fun ws() {
			while (i < s.length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++
		}
		fun end() {
			ws()
			if (i != s.length) fail("Unexpected token")
		}
		fun value(): Any? {
			ws()
			if (i >= s.length) fail("Unexpected end of JSON input")
			return when (s[i]) {
				'{' -> obj()
				'[' -> arr()
				'"' -> str()
				't' -> lit("true", true)
				'f' -> lit("false", false)
				'n' -> lit("null", null)
				else -> num()
			}
		}
		fun lit(word: String, v: Any?): Any? {
			if (!s.startsWith(word, i)) fail("Unexpected token")
			i += word.length
			return v
		}
		fun digits(): Int {
			val from = i
			while (i < s.length && s[i] in '0'..'9') i++
			return i - from
		}
		fun num(): Number {
			val start = i
			if (i < s.length && s[i] == '-') i++
			if (i < s.length && s[i] == '0') i++ else if (digits() == 0) fail("Unexpected token")
			var integral = true
			if (i < s.length && s[i] == '.') {
				i++
				if (digits() == 0) fail("Unterminated fractional number")
				integral = false
			}
			if (i < s.length && (s[i] == 'e' || s[i] == 'E')) {
				i++
				if (i < s.length && (s[i] == '+' || s[i] == '-')) i++
				if (digits() == 0) fail("Exponent part is missing a number")
				integral = false
			}
			val t = s.substring(start, i)
			val l = if (integral) t.toLongOrNull() else null
			return if (l != null) narrow(l) else t.toDouble()
		}
		fun str(): String {
			i++
			val sb = StringBuilder()
			while (true) {
				if (i >= s.length) fail("Unterminated string")
				val c = s[i++]
				when {
					c == '"' -> return sb.toString()
					c < ' ' -> fail("Bad control character in string literal")
					c == '\\' -> {
						if (i >= s.length) fail("Unterminated string")
						when (s[i++]) {
							'"' -> sb.append('"')
							'\\' -> sb.append('\\')
							'/' -> sb.append('/')
							'n' -> sb.append('\n')
							'r' -> sb.append('\r')
							't' -> sb.append('\t')
							'b' -> sb.append('\b')
							'f' -> sb.append('\u000c')
							'u' -> {
								val hex = if (i + 4 <= s.length) s.substring(i, i + 4) else ""
								if (hex.length != 4 || !hex.all { it in '0'..'9' || it in 'a'..'f' || it in 'A'..'F' }) fail("Bad Unicode escape")
								sb.append(hex.toInt(16).toChar())
								i += 4
							}
							else -> fail("Bad escaped character")
						}
					}
					else -> sb.append(c)
				}
			}
		}
		fun expect(c: Char) {
			ws()
			if (i >= s.length || s[i] != c) fail("Expected '$c'")
			i++
		}
		fun arr(): UTSArray<Any?> {
			i++
			val a = UTSArray<Any?>()
			ws()
			if (i < s.length && s[i] == ']') {
				i++
				return a
			}
			while (true) {
				a.add(value())
				ws()
				if (i < s.length && s[i] == ']') {
					i++
					return a
				}
				expect(',')
			}
		}
		fun obj(): UTSJSONObject {
			i++
			val o = UTSJSONObject()
			ws()
			if (i < s.length && s[i] == '}') {
				i++
				return o
			}
			while (true) {
				ws()
				if (i >= s.length || s[i] != '"') fail("Expected a property name")
				val k = str()
				expect(':')
				o[k] = value()
				ws()
				if (i < s.length && s[i] == '}') {
					i++
					return o
				}
				expect(',')
			}
		}
	}
}
