// The generated code star-imports io.dcloud.uniapp.extapi (uni-app x's framework); this plugin uses nothing
// from it, so one marker declaration makes the package exist for kotlinc.
package io.dcloud.uniapp.extapi

internal object uniapp_extapi_marker
