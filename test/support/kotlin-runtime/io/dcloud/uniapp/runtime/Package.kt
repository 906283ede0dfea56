// The generated code star-imports io.dcloud.uniapp.runtime (uni-app x's framework); this plugin uses nothing
// from it, so one marker declaration makes the package exist for kotlinc.
package io.dcloud.uniapp.runtime

internal object uniapp_runtime_marker
