// The generated code star-imports io.dcloud.uniapp.vue.shared (uni-app x's framework); this plugin uses nothing
// from it, so one marker declaration makes the package exist for kotlinc.
package io.dcloud.uniapp.vue.shared

internal object uniapp_vue_shared_marker
