// What DCloud's compiler plugin (UTSIrConsoleVisitor) wraps console arguments in: the value and its UTS type
// name, so HBuilderX's console can print numbers as JS would. Constructor shape read off the plugin's IR calls.
package io.dcloud.uts.android

import io.dcloud.uts.toString

class UTSLogInfo(val value: Any?, val type: String, val subType: String) {
	fun text(): String = value.toString(10)
}
