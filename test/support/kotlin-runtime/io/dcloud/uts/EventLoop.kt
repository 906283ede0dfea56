// The main looper of a uni-app x app, for the JVM: one thread runs every timer and every posted task in order,
// as Android's main thread does for UTS code (docs/uts/utsandroid.md: UTS code and its callbacks run on the
// main thread unless told otherwise). setTimeout / clearTimeout (timers.d.ts) and android.os.Handler.post
// (test/support/kotlin-runtime/android/) both queue here. Harness-only: nothing like it ships.
//
// As strict as a device: on Android an exception that escapes a looper task (or any thread) reaches the default
// uncaught-exception handler, which kills the app process ("FATAL EXCEPTION: main", Thread.UncaughtExceptionHandler
// in the Android reference). Here it ends the JVM with exit status 70, so the test that drives it fails; a test that
// wants to watch a crash instead sets onUncaught.
package io.dcloud.uts

import java.util.PriorityQueue
import java.util.concurrent.locks.ReentrantLock
import kotlin.concurrent.withLock

object UTSEventLoop {
	private class Task(val id: Int, val due: Long, val seq: Long, val run: () -> Unit)

	private val lock = ReentrantLock()
	private val changed = lock.newCondition()
	private val queue = PriorityQueue<Task>(compareBy<Task>({ it.due }, { it.seq }))
	private val cancelled = HashSet<Int>()
	private var nextId = 1
	private var seq = 0L
	@Volatile private var thread: Thread? = null

	/** Exceptions that escaped a task or a thread, for the harness's stats. */
	@Volatile var uncaught: Int = 0
		private set

	/** What an escaped exception does: by default what Android does, kill the process. */
	@Volatile var onUncaught: (Thread, Throwable) -> Unit = { t, e ->
		System.err.println("FATAL EXCEPTION: ${t.name}")
		e.printStackTrace()
		System.err.flush()
		Runtime.getRuntime().halt(70)
	}

	private fun crash(t: Thread, e: Throwable) {
		uncaught++
		onUncaught(t, e)
	}

	/** True on the loop thread: what Looper.myLooper() checks. */
	fun isLoopThread(): Boolean = Thread.currentThread() === thread

	fun post(delayMs: Long, run: () -> Unit): Int = lock.withLock {
		val id = nextId++
		queue.add(Task(id, System.nanoTime() / 1_000_000 + maxOf(0L, delayMs), seq++, run))
		changed.signalAll()
		id
	}

	fun cancel(id: Int) = lock.withLock {
		cancelled.add(id)
		Unit
	}

	/**
	 * Timers set or cleared from a thread other than the loop's once it runs: UTS timers belong to the thread of the
	 * UTS code, and the engine's is the main thread (common/main-thread.uts), so any such call is the engine touched
	 * from a second thread. Counted, not thrown: a test reads it.
	 */
	@Volatile var offLoopTimerCalls: Int = 0
		private set

	internal fun noteTimerCall() {
		if (thread != null && !isLoopThread()) offLoopTimerCalls++
	}

	/** Live timers and tasks (for leak checks). */
	fun pending(): Int = lock.withLock { queue.count { !cancelled.contains(it.id) } }

	/** Runs tasks forever on the calling thread, which becomes the main thread. */
	fun run(): Nothing {
		thread = Thread.currentThread()
		Thread.setDefaultUncaughtExceptionHandler { t, e -> crash(t, e) }
		while (true) runOne(Long.MAX_VALUE)
	}

	/** Runs at most one due task, waiting up to waitMs for one; used by nested waits on the loop thread. */
	fun runOne(waitMs: Long): Boolean {
		val task = next(waitMs) ?: return false
		try {
			task.run()
		} catch (e: Throwable) {
			crash(Thread.currentThread(), e)
		}
		return true
	}

	private fun next(waitMs: Long): Task? = lock.withLock {
		val deadline = if (waitMs == Long.MAX_VALUE) Long.MAX_VALUE else System.nanoTime() / 1_000_000 + waitMs
		while (true) {
			val head = queue.peek()
			val now = System.nanoTime() / 1_000_000
			if (head != null && cancelled.remove(head.id)) {
				queue.poll()
				continue
			}
			if (head != null && head.due <= now) return@withLock queue.poll()
			if (now >= deadline) return@withLock null
			val until = minOf(deadline, head?.due ?: deadline)
			changed.await(minOf(until - now, 60_000L), java.util.concurrent.TimeUnit.MILLISECONDS)
		}
		@Suppress("UNREACHABLE_CODE")
		null
	}
}

/** timers.d.ts: setTimeout(handler, timeout) returns a number id. */
fun setTimeout(handler: () -> Unit, timeout: Number = 0): Number {
	UTSEventLoop.noteTimerCall()
	val ms = if (isNaN(timeout)) 0L else timeout.toLong()
	return UTSEventLoop.post(ms, handler)
}

fun clearTimeout(id: Number?) {
	UTSEventLoop.noteTimerCall()
	if (id != null) UTSEventLoop.cancel(id.toInt())
}
