// @dcloudio/uni-app-x-runtime (uni-app x projects), as far as the ArkTS generated from this plugin imports it.
export * from './uts-runtime'
/** App.uvue's onError (docs/collocation/app.md, application lifecycle): imported by every generated module. */
export declare function onError(callback: (error: string) => void): void
/** Vue's render function h(type, props, children) (vuejs.org, render-function API): imported, unused here. */
export declare function h(type: string, props?: Object | null, children?: Object | null): Object
