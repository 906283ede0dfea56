import { defineConfig, type Plugin } from 'vite'
import uniModule from '@dcloudio/vite-plugin-uni'

// package.json has "type": "module", so this file loads as ESM and the CommonJS
// plugin arrives wrapped: its function is on `.default`.
const uni = ((uniModule as any).default ?? uniModule) as typeof uniModule

// uni-h5's CSS loads its navigation-bar shadow images from DCloud's CDN
// (https://cdn1000.dcloud.net.cn/img/shadow-<color>.png; a keyframe rule preloads the grey one on every page).
// The demo runs offline and makes no outside request: each becomes the same fade drawn by CSS.
const SHADOW_CDN = /url\(\s*['"]?https?:\/\/cdn\d*\.dcloud\.net\.cn\/img\/shadow-(\w+)\.png['"]?\s*\)/g
const SHADOW_RGB: Record<string, string> = { grey: '0,0,0', blue: '0,122,255', green: '76,217,100', orange: '240,173,78', red: '221,82,77', yellow: '255,204,0' }
function shadowGradient(_: string, color: string): string {
	const rgb = SHADOW_RGB[color] ?? SHADOW_RGB.grey
	return `linear-gradient(rgba(${rgb},0.12),rgba(${rgb},0))`
}
function offlineShadows(): Plugin {
	return {
		name: 'demo:offline-shadows',
		enforce: 'post',
		transform(code) {
			if (code.includes('dcloud.net.cn/img/shadow-')) return { code: code.replace(SHADOW_CDN, shadowGradient), map: null }
		},
		generateBundle(_options, bundle) {
			for (const file of Object.values(bundle)) {
				if (file.type === 'asset' && typeof file.source === 'string' && file.fileName.endsWith('.css')) {
					file.source = file.source.replace(SHADOW_CDN, shadowGradient)
				}
			}
		}
	}
}

export default defineConfig({
	plugins: [uni(), offlineShadows()],
})
