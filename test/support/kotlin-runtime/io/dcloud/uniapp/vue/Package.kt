// The generated code star-imports io.dcloud.uniapp.vue (uni-app x's framework); this plugin uses nothing
// from it, so one marker declaration makes the package exist for kotlinc.
package io.dcloud.uniapp.vue

internal object uniapp_vue_marker
