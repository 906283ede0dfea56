// The generated code star-imports io.dcloud.uniapp.framework (uni-app x's framework); this plugin uses nothing
// from it, so one marker declaration makes the package exist for kotlinc.
package io.dcloud.uniapp.framework

internal object uniapp_framework_marker
