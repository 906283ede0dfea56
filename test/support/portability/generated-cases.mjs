// Violating and compliant snippets of generated code, in the shapes DCloud's UTS compiler emits
// (closures as `{ (params) -> T in ... }`, casts as `as!`), for the Swift and ArkTS scans.
export const SWIFT_CASES = {
	'fn-expr-self-reference': {
		bad: `public class Beat : NSObject {
    private var timer: NSNumber = 0
    public func start(_ limit: NSNumber) -> Void {
        var check = {
        () -> Void in
        self.timer = setTimeout(check, limit)
        }
        self.timer = setTimeout(check, limit)
    }
}`,
		good: `public class Beat : NSObject {
    private var timer: NSNumber = 0
    private var check: NSNumber = 0
    public func start(_ limit: NSNumber) -> Void {
        var arm = {
        () -> Void in
        self.timer = setTimeout(self.rearm, limit)
        self.check = 1
        }
        self.timer = setTimeout(arm, limit)
    }
}`,
	},
	'function-equality': {
		bad: `public class EventDispatcher : NSObject {
    public func removeEventListener(_ type: String, _ callback: @escaping ConnectEventSourceCallback) -> Void {
        self.named.set(type, (list as! [ConnectEventSourceCallback]).filter({
        (cb: @escaping ConnectEventSourceCallback) -> Bool in
        return cb != callback
        }))
    }
}`,
		good: `public class EventDispatcher : NSObject {
    public func removeEventListener(_ type: String, _ callback: @escaping ConnectEventSourceCallback) -> Void {
        if (self.sameCallback == nil || callback == nil) {
            return
        }
        self.listeners = self.listeners.filter({
        (l: Listener) -> Bool in
        return l.type != type
        })
    }
}`,
		also: [
			`public class EventDispatcher : NSObject {
    public func addEventListener(_ type: String, _ callback: @escaping ConnectEventSourceCallback) -> Void {
        if ((list as! [ConnectEventSourceCallback]).indexOf(callback) == -1) {
        }
    }
}`,
		],
	},
	'array-mutation-through-copy': {
		bad: `public class EventDispatcher : NSObject {
    public func addEventListener(_ type: String, _ callback: @escaping ConnectEventSourceCallback) -> Void {
        var list = self.named.get(type)
        if (list != nil) {
            (list as! [ConnectEventSourceCallback]).push(callback)
        }
    }
}`,
		good: `public class EventDispatcher : NSObject {
    private var listeners: [Listener] = []
    public func addEventListener(_ type: String, _ l: Listener) -> Void {
        self.listeners.push(l)
        var n = (self.count as! NSNumber) + 1
        var copy = self.listeners
        var first = copy[0]
    }
}`,
		also: [
			`public class Utf8Decoder : NSObject {
    private var units: [NSNumber] = []
    public func decode(_ bytes: Uint8Array) -> String {
        var units = self.units
        units[0] = 1
        return ""
    }
}`,
		],
	},
	'stored-closure-captures-this': {
		bad: `public class EventSourceConnection : NSObject {
    private var parser: SseParser
    public init(_ options: ConnectEventSourceOptions){
        self.parser = SseParser({
        (type: String, data: String, id: String) -> Void in
        self.dispatchEvent(type, data, id)
        }, nil)
    }
}`,
		good: `public class EventSourceConnection : NSObject {
    private var parser: SseParser
    private var timer: NSNumber = 0
    public init(_ options: ConnectEventSourceOptions){
        self.parser = SseParser({ [weak self]
        (type: String, data: String, id: String) -> Void in
        self?.dispatchEvent(type, data, id)
        }, nil)
        self.timer = setTimeout({
        () -> Void in
        self.connect()
        }, 0)
    }
}`,
		also: [
			`public class Holder : NSObject {
    private var onTick: (() -> Void)?
    public func start() -> Void {
        self.onTick = {
        () -> Void in
        self.tick()
        }
    }
}`,
		],
	},
	'spread-argument': {
		bad: `public class Utf8Decoder : NSObject {
    private func flush(_ units: [NSNumber], _ count: NSNumber) -> String {
        var s = String.fromCharCode(...units.slice(0, count))
        return s
    }
}`,
		good: `public class Utf8Decoder : NSObject {
    private func flush(_ units: [NSNumber], _ count: NSNumber) -> String {
        var r = 0...5
        var s = "(...units)" // in a string
        return s
    }
}`,
	},
}

