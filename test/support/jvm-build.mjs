// Compiles the plugin's Android Kotlin (utssdk/app-android/*.kt) plus the transport test bridge into one jar with the
// native gate's toolchain (scripts/kotlin.mjs: kotlinc 2.2.0, DCloud's plugin, the declaration layer in
// test/support/kotlin-runtime/ whose android.os.Looper/Handler run on one event-loop thread), cached by content.
import path from 'node:path'
import { ANDROID_DIR, RUNTIME_DIR, cachedJar, ktFiles, runtimeClasspath } from '../../scripts/kotlin.mjs'

const BRIDGE_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), 'jvm/bridge')

/** Returns { jar, classpath, compiled } for the current sources, compiling only when they changed. */
export async function buildBridgeJar() {
	const files = [...ktFiles(ANDROID_DIR), ...ktFiles(RUNTIME_DIR), ...ktFiles(BRIDGE_DIR)]
	const { jar, compiled } = await cachedJar('transport-bridge', files)
	return { jar, classpath: runtimeClasspath(jar), compiled }
}
