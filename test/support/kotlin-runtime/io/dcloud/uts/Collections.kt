// UTSArray, Map and Set as the generated Kotlin uses them. Declarations from the UTS typings
// (@dcloudio/uni-uts-v1/lib/uts/types/uts/common/Array.d.ts, Map.d.ts, Set.d.ts); UTSArray is a
// java.util.ArrayList as in DCloud's runtime (docs/uts/buildin-object-api/array.md: Array on Android is
// io.dcloud.uts.UTSArray, an ArrayList), Map keeps insertion order as JS does (a LinkedHashMap).
@file:Suppress("unused")

package io.dcloud.uts

open class UTSArray<E> : ArrayList<E> {
	constructor() : super()
	constructor(items: Collection<E>) : super(items)

	open val length: Number get() = size

	operator fun get(index: Number): E = super.get(index.toInt())
	operator fun set(index: Number, value: E): E = super.set(index.toInt(), value)

	fun push(vararg items: E): Number {
		for (item in items) add(item)
		return size
	}

	// Reference equality, as JS indexOf with ===; numbers compare numerically (numberEquals).
	override fun indexOf(element: E): Int {
		for (i in 0 until size) if (numberEquals(super.get(i), element)) return i
		return -1
	}

	fun pop(): E? = if (size == 0) null else removeAt(size - 1)
	fun shift(): E? = if (size == 0) null else removeAt(0)
	fun includes(item: E): Boolean = indexOf(item) != -1
	fun some(predicate: (E) -> Boolean): Boolean = any(predicate)
	fun <R> map(transform: (E) -> R): UTSArray<R> {
		val out = UTSArray<R>()
		for (e in this) out.add(transform(e))
		return out
	}

	fun filter(predicate: (E) -> Boolean): UTSArray<E> {
		val out = UTSArray<E>()
		for (e in this) if (predicate(e)) out.add(e)
		return out
	}

	fun forEach(action: (E) -> Unit) {
		for (e in ArrayList(this)) action(e)
	}

	fun join(separator: String = ","): String = joinToString(separator) { if (it == null) "" else it.toString(10) }

	fun slice(start: Number = 0, end: Number = size): UTSArray<E> {
		val s = clamp(start)
		val e = clamp(end)
		return if (e <= s) UTSArray() else UTSArray(subList(s, e))
	}

	private fun clamp(n: Number): Int {
		val i = n.toInt()
		return if (i < 0) maxOf(0, size + i) else minOf(i, size)
	}

	companion object {
		/** Array.isArray (Array.d.ts `isArray(arg: any): arg is any[]`; "如果 value 是 TypedArray 实例，则总是返回 false"). */
		fun isArray(value: Any?): Boolean = value is UTSArray<*>
	}
}

/** `[a, b]` literals. */
fun <E> _uA(vararg items: E): UTSArray<E> {
	val a = UTSArray<E>()
	for (item in items) a.add(item)
	return a
}

open class Map<K, V> {
	private val entries = LinkedHashMap<Any?, Pair<K, V>>()

	constructor()
	/** new Map([[k, v], ...]) */
	constructor(pairs: UTSArray<UTSArray<Any?>>) {
		@Suppress("UNCHECKED_CAST")
		for (p in pairs) set(p[0] as K, p[1] as V)
	}

	open val size: Number get() = entries.size

	// Keys that are numbers are normalised so that 1 and 1.0 are one key, as in JS.
	private fun key(k: Any?): Any? = if (k is Number) (if (k.isIntegral()) k.toLong() else k.toDouble().let { if (it == java.lang.Math.rint(it)) it.toLong() else it }) else k

	fun get(key: K): V? = entries[key(key)]?.second
	fun set(key: K, value: V): Map<K, V> {
		entries[key(key)] = Pair(key, value)
		return this
	}
	fun has(key: K): Boolean = entries.containsKey(key(key))
	fun delete(key: K): Boolean = entries.remove(key(key)) != null
	fun clear() = entries.clear()
	fun forEach(action: (V, K) -> Unit) {
		for (p in ArrayList(entries.values)) action(p.second, p.first)
	}
	fun forEach(action: (V) -> Unit) {
		for (p in ArrayList(entries.values)) action(p.second)
	}
}

open class Set<E> {
	private val items = LinkedHashSet<E>()
	open val size: Number get() = items.size
	fun add(item: E): Set<E> {
		items.add(item)
		return this
	}
	fun has(item: E): Boolean = items.contains(item)
	fun delete(item: E): Boolean = items.remove(item)
	fun clear() = items.clear()
	fun forEach(action: (E) -> Unit) {
		for (e in ArrayList(items)) action(e)
	}
}
