// The UTS built-ins that both of DCloud's HarmonyOS runtime modules export and the generated ArkTS uses. Shapes from
// DCloud's UTS typings and docs (test/support/arkts-runtime/README.md lists each source); UTS `any` is written as
// Object, as DCloud's ArkTS output writes it (docs/uts/type-compatibility.md), or ESObject where a value of any shape,
// an object literal included, is accepted.

declare global {
	/** The HarmonyOS SDK's type for values of dynamic origin (what UTS `any` means in a parameter). */
	type ESObject = any
}

/** UTSJSONObject.d.ts / utsjsonobject.md: an object literal's runtime type; `obj[key]` reads a property. */
export declare class UTSJSONObject {
	constructor(value?: ESObject)
	[key: string]: Object | null
	/** utsjsonobject.md "keys": the object's own enumerable property names. */
	static keys(obj: UTSJSONObject): string[]
	getString(key: string): string | null
	getNumber(key: string): number | null
	getBoolean(key: string): boolean | null
	getJSON(key: string): UTSJSONObject | null
	getArray(key: string): Array<Object | null> | null
	getAny(key: string): Object | null
	toMap(): Map<string, Object | null>
}

/** The base class DCloud's compiler gives the classes it makes from UTS `type` literals. */
export declare class UTSObject {}

/** @dcloudio/uni-app-x/types/native/IUniError.d.ts (with AsyncApiResult's errMsg). */
export declare interface IUniError {
	errMsg: string
	errCode: number
	errSubject: string
	data: Object | null
	cause: Error | null
}

/** @dcloudio/uni-app-x/types/native/UniError.d.ts. */
export declare class UniError extends Error implements IUniError {
	constructor()
	constructor(message: string)
	constructor(errSubject: string, errCode: number, errMsg: string)
	errSubject: string
	errCode: number
	errMsg: string
	data: Object | null
	cause: Error | null
}

/** What the compiler calls for UTS built-ins on HarmonyOS; each behaves as the built-in its comment names. */
export declare namespace UTS {
	/** JSON.d.ts / json.md: parse gives null for invalid JSON. */
	namespace JSON {
		function parse(text: string): Object | null
		function stringify(value: Object | null): string
	}
	/** console.d.ts / console.md. */
	namespace console {
		function log(...args: Object[]): void
		function info(...args: Object[]): void
		function warn(...args: Object[]): void
		function error(...args: Object[]): void
		function debug(...args: Object[]): void
	}
	/** Map.get (Map.d.ts / map.md): the value, or null when the key is missing. */
	function mapGet<K, V>(map: Map<K, V>, key: K): V | null
	/** Array.pop (Array.d.ts / array.md): the last element, removed, or null for an empty array. */
	function arrayPop<T>(array: T[]): T | null
}
