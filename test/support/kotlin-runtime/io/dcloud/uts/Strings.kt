// String methods of UTS on Kotlin strings (UTF-16, like JS). Declarations from the UTS typings
// (@dcloudio/uni-uts-v1/lib/uts/types/uts/common/String.d.ts) and docs/uts/buildin-object-api/string.md;
// index arguments are clamped as in JS.
@file:Suppress("unused")

package io.dcloud.uts

private fun String.clampIndex(n: Number): Int {
	val i = if (isNaN(n)) 0 else n.toDouble().let { if (it > length) length.toDouble() else if (it < 0) 0.0 else it }.toInt()
	return i
}

/** NaN for an index outside the string, as in JS. */
fun String.charCodeAt(index: Number): Number {
	val i = index.toInt()
	return if (i < 0 || i >= length) Double.NaN else this[i].code
}

fun String.charAt(index: Number): String {
	val i = index.toInt()
	return if (i < 0 || i >= length) "" else this[i].toString()
}

fun String.indexOf(search: String, position: Number = 0): Number = this.indexOf(search, clampIndex(position), false)

fun String.substring(start: Number, end: Number = length): String {
	var s = clampIndex(start)
	var e = clampIndex(end)
	if (s > e) {
		val t = s
		s = e
		e = t
	}
	return this.subSequence(s, e).toString()
}

fun String.toLowerCase(): String = this.lowercase()
fun String.toUpperCase(): String = this.uppercase()

/** String.fromCharCode(...codes): each code as a UTF-16 unit (ToUint16). */
fun String.Companion.fromCharCode(vararg codes: Number): String {
	val chars = CharArray(codes.size)
	for (i in codes.indices) chars[i] = (codes[i].toInt32() and 0xFFFF).toChar()
	return String(chars)
}

fun String.lastIndexOf(search: String): Number = this.lastIndexOf(search, length, false)
fun String.includes(search: String): Boolean = this.indexOf(search, 0, false) != -1

/** JS split on a string separator (no limit); "" splits into UTF-16 units. */
fun String.split(separator: String): UTSArray<String> {
	val out = UTSArray<String>()
	if (separator.isEmpty()) {
		for (c in this) out.add(c.toString())
		return out
	}
	var from = 0
	while (true) {
		val at = this.indexOf(separator, from, false)
		if (at < 0) break
		out.add(this.subSequence(from, at).toString())
		from = at + separator.length
	}
	out.add(this.subSequence(from, length).toString())
	return out
}

// trim / startsWith / endsWith as string.md documents them, which is JavaScript's definition (ECMA-262
// String.prototype.trim: WhiteSpace and LineTerminator code points). Kotlin's own trim() (Char.isWhitespace) differs:
// it strips U+001C..U+001F and keeps U+FEFF. Declared here, these win over kotlin.text in the generated code, which
// star-imports io.dcloud.uts.
private fun isJsWhitespace(c: Char): Boolean = when (c) {
	'\u0009', '\u000A', '\u000B', '\u000C', '\u000D', '\u0020', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F',
	'\u205F', '\u3000', '\uFEFF' -> true
	else -> c in '\u2000'..'\u200A'
}

fun String.trim(): String {
	var s = 0
	var e = length
	while (s < e && isJsWhitespace(this[s])) s++
	while (e > s && isJsWhitespace(this[e - 1])) e--
	return this.subSequence(s, e).toString()
}

fun String.trimStart(): String {
	var s = 0
	while (s < length && isJsWhitespace(this[s])) s++
	return this.subSequence(s, length).toString()
}

fun String.trimEnd(): String {
	var e = length
	while (e > 0 && isJsWhitespace(this[e - 1])) e--
	return this.subSequence(0, e).toString()
}

/** startsWith(searchString, position = 0): position clamped into [0, length] as in JS. */
fun String.startsWith(search: String, position: Number = 0): Boolean {
	val p = clampIndex(position)
	return p + search.length <= length && this.regionMatches(p, search, 0, search.length, false)
}

/** endsWith(searchString, endPosition = length): endPosition clamped into [0, length] as in JS. */
fun String.endsWith(search: String, endPosition: Number = length): Boolean {
	val e = clampIndex(endPosition)
	val s = e - search.length
	return s >= 0 && this.regionMatches(s, search, 0, search.length, false)
}
