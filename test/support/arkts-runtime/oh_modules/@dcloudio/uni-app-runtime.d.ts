// @dcloudio/uni-app-runtime (uni-app (Vue) projects), as far as the ArkTS generated from this plugin imports it.
export * from './uts-runtime'
