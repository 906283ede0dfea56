// UTS `number` on Android: kotlin.Number with the operators DCloud's runtime adds (docs/uts/data-type.md:
// "编译到kotlin平台时，number 利用 kotlin的 `Number`抽象类实现"). Declarations follow the UTS typings
// (@dcloudio/uni-uts-v1/lib/uts/types/uts/common/Number.d.ts, Math.d.ts, Global.d.ts); semantics are JS's, as
// uni-app x promises ("拉齐了web端的实现"), where DCloud documents them:
// - integers stay integers (Int, widened to Long), any floating operand makes a Double;
// - integer overflow beyond Long throws "The value is out of range" (data-type.md, "number的边界说明");
// - `/` divides as JS does (1/10 is 0.1: data-type.md rule 2), integral results stay integral;
// - bitwise operators work on 32-bit ints as in JS (operator.md).
// Not documented by DCloud, chosen to match JS: comparisons and == across Int/Long/Double are numeric
// (numberEquals below is what DCloud's compiler plugin calls for ==, see README.md), NaN equals nothing.
@file:Suppress("unused", "NOTHING_TO_INLINE", "EXTENSION_SHADOWED_BY_MEMBER")

package io.dcloud.uts

@PublishedApi internal fun Number.isIntegral(): Boolean = this is Int || this is Long || this is Short || this is Byte

@PublishedApi internal fun narrow(v: Long): Number = if (v >= Int.MIN_VALUE && v <= Int.MAX_VALUE) v.toInt() else v

// Inline: the block is not a lambda object per operation. DCloud's runtime has none either (a JADX decompilation of
// its io.dcloud.uts.NumberKt, utsplugin_release: plus/minus/compareTo test `instanceof Integer` first and add two ints
// with Math.addExact, widening to Long on overflow; numberEquals compares two Integers directly). The Int paths below
// give the same cost shape; results are unchanged (an Int overflow widens to Long here too, through the Long path).
@PublishedApi internal inline fun exact(block: () -> Long): Number =
	try {
		narrow(block())
	} catch (e: ArithmeticException) {
		throw ArithmeticException("The value is out of range")
	}

operator fun Number.plus(other: Number): Number {
	if (this is Int && other is Int) {
		val r = this + other
		// Math.addExact's overflow test: both operands' signs differ from the result's.
		if (((this xor r) and (other xor r)) >= 0) return r
	}
	return if (isIntegral() && other.isIntegral()) exact { java.lang.Math.addExact(toLong(), other.toLong()) } else toDouble() + other.toDouble()
}

operator fun Number.minus(other: Number): Number {
	if (this is Int && other is Int) {
		val r = this - other
		// Math.subtractExact's overflow test: the operands' signs differ and the result's differs from this one's.
		if (((this xor other) and (this xor r)) >= 0) return r
	}
	return if (isIntegral() && other.isIntegral()) exact { java.lang.Math.subtractExact(toLong(), other.toLong()) } else toDouble() - other.toDouble()
}

operator fun Number.times(other: Number): Number =
	if (isIntegral() && other.isIntegral()) exact { java.lang.Math.multiplyExact(toLong(), other.toLong()) } else toDouble() * other.toDouble()

operator fun Number.div(other: Number): Number {
	if (isIntegral() && other.isIntegral()) {
		val a = toLong()
		val b = other.toLong()
		if (b != 0L && a % b == 0L) return narrow(a / b)
	}
	return toDouble() / other.toDouble()
}

operator fun Number.rem(other: Number): Number =
	if (isIntegral() && other.isIntegral() && other.toLong() != 0L) narrow(toLong() % other.toLong()) else toDouble() % other.toDouble()

operator fun Number.unaryMinus(): Number = if (isIntegral()) exact { java.lang.Math.negateExact(toLong()) } else -toDouble()
operator fun Number.unaryPlus(): Number = this
operator fun Number.inc(): Number = this + 1
operator fun Number.dec(): Number = this - 1

operator fun Number.compareTo(other: Number): Int =
	if (this is Int && other is Int) this.compareTo(other)
	else if (isIntegral() && other.isIntegral()) toLong().compareTo(other.toLong())
	else {
		val a = toDouble()
		val b = other.toDouble()
		// JS makes every comparison with NaN false; one compareTo cannot (README.md, "Known limit").
		if (a.isNaN() || b.isNaN()) 2 else a.compareTo(b)
	}

// JS bitwise operators: ToInt32 on both sides.
infix fun Number.and(other: Number): Number = toInt32() and other.toInt32()
infix fun Number.or(other: Number): Number = toInt32() or other.toInt32()
infix fun Number.xor(other: Number): Number = toInt32() xor other.toInt32()
infix fun Number.shl(other: Number): Number = toInt32() shl (other.toInt32() and 31)
infix fun Number.shr(other: Number): Number = toInt32() shr (other.toInt32() and 31)
infix fun Number.ushr(other: Number): Number = narrow((toInt32() ushr (other.toInt32() and 31)).toLong() and 0xFFFFFFFFL)
fun Number.inv(): Number = toInt32().inv()

@PublishedApi internal fun Number.toInt32(): Int = if (isIntegral()) toLong().toInt() else {
	val d = toDouble()
	if (d.isNaN() || d.isInfinite()) 0 else d.toLong().toInt()
}

/** What DCloud's compiler plugin (UTSIrEqualsVisitor) calls for `==` when an operand is a Number or Any. */
fun numberEquals(a: Any?, b: Any?): Boolean {
	if (a is Int && b is Int) return a == b
	if (a is Number && b is Number) {
		if (a.isIntegral() && b.isIntegral()) return a.toLong() == b.toLong()
		return a.toDouble() == b.toDouble()
	}
	return a == b
}

/** JS Number::toString: integral values without ".0", NaN, Infinity. */
fun jsNumberString(n: Number, radix: Int = 10): String {
	if (n.isIntegral()) return java.lang.Long.toString(n.toLong(), radix)
	val d = n.toDouble()
	if (d.isNaN()) return "NaN"
	if (d.isInfinite()) return if (d > 0) "Infinity" else "-Infinity"
	if (d == java.lang.Math.rint(d) && java.lang.Math.abs(d) < 1e21) return java.lang.Long.toString(d.toLong(), radix)
	return if (radix == 10) jsDecimal(d) else d.toString()
}

/** ECMAScript Number::toString(10) for a finite non-integral double: fixed notation for 1e-7 <= |d| < 1e21, else "1.5e-7". */
private fun jsDecimal(d: Double): String {
	// BigDecimal of Java's shortest-ish repr gives the digits and the exponent.
	val bd = java.math.BigDecimal(d.toString()).stripTrailingZeros()
	val digits = bd.unscaledValue().abs().toString()
	val n = digits.length - bd.scale() // decimal point position, as in the spec's k/n
	val sign = if (d < 0) "-" else ""
	return when {
		n in 1..21 -> sign + (if (digits.length <= n) digits + "0".repeat(n - digits.length) else digits.substring(0, n) + "." + digits.substring(n))
		n in -5..0 -> sign + "0." + "0".repeat(-n) + digits
		else -> {
			val e = n - 1
			val mant = if (digits.length == 1) digits else digits[0] + "." + digits.substring(1)
			sign + mant + "e" + (if (e >= 0) "+" else "-") + kotlin.math.abs(e)
		}
	}
}

// The four overloads DCloud's compiler plugin (UTSIrToStringVisitor) looks up in io.dcloud.uts for string
// concatenation and toString(): an extension on Number, Number?, Any and Any? with one regular parameter.
fun Number.toString(radix: Number = 10): String = jsNumberString(this, radix.toInt())
@JvmName("nullableNumberToString") fun Number?.toString(radix: Number = 10): String = if (this == null) "null" else jsNumberString(this, radix.toInt())
@JvmName("anyToString") fun Any.toString(radix: Number = 10): String = if (this is Number) jsNumberString(this, radix.toInt()) else this.toString()
@JvmName("nullableAnyToString") fun Any?.toString(radix: Number = 10): String = if (this == null) "null" else if (this is Number) jsNumberString(this, radix.toInt()) else this.toString()

val NaN: Number = Double.NaN
fun isNaN(n: Number): Boolean = !n.isIntegral() && n.toDouble().isNaN()

/** Math.d.ts: the members the plugin uses. */
object Math {
	fun floor(x: Number): Number = if (x.isIntegral()) x else roundResult(kotlin.math.floor(x.toDouble()))
	fun ceil(x: Number): Number = if (x.isIntegral()) x else roundResult(kotlin.math.ceil(x.toDouble()))
	fun pow(x: Number, y: Number): Number {
		val r = java.lang.Math.pow(x.toDouble(), y.toDouble())
		return if (x.isIntegral() && y.isIntegral() && y.toLong() >= 0) roundResult(r) else r
	}
	fun random(): Number = java.lang.Math.random()
	fun min(a: Number, b: Number): Number = if (a < b) a else b
	fun max(a: Number, b: Number): Number = if (a > b) a else b
	fun abs(x: Number): Number = if (x.isIntegral()) exact { java.lang.Math.abs(x.toLong()) } else kotlin.math.abs(x.toDouble())
	fun round(x: Number): Number = if (x.isIntegral()) x else roundResult(kotlin.math.floor(x.toDouble() + 0.5))

	private fun roundResult(d: Double): Number =
		if (d.isNaN() || d.isInfinite() || d > Long.MAX_VALUE || d < Long.MIN_VALUE) d else narrow(d.toLong())
}
