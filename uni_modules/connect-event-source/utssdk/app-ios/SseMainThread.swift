import Foundation

/// The engine's thread on iOS: the main queue, where SseSessionCall delivers. uni-app (Vue) projects call a plugin's
/// methods on DCloud's own threads (uts-for-ios.md), uni-app x on the main thread (common/main-thread.uts).
public class SseMainThread {
	/// Whether the caller is on the main thread.
	public static func isMain() -> Bool {
		return Thread.isMainThread
	}

	/// Runs task on the main queue and returns once it has run; at once on the main thread (DispatchQueue.main.sync
	/// from the main thread would deadlock). The main queue never waits for the caller's thread here.
	public static func run(_ task: () -> Void) {
		if Thread.isMainThread {
			task()
		} else {
			DispatchQueue.main.sync(execute: task)
		}
	}
}
