import { defineConfig } from 'vite'
import uniModule from '@dcloudio/vite-plugin-uni'

// package.json has "type": "module", so this file loads as ESM and the CommonJS
// plugin arrives wrapped: its function is on `.default`.
const uni = ((uniModule as any).default ?? uniModule) as typeof uniModule

export default defineConfig({
	plugins: [uni()],
})
