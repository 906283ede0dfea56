// The uni-app CLI auto-imports UniError and UTSJSONObject into .uts files (from @dcloudio/uni-shared);
// in plain Node the engine sees the same classes as globals.
import { UniError, UTS, UTSJSONObject } from '@dcloudio/uni-shared'

globalThis.UniError ??= UniError
globalThis.UTSJSONObject ??= UTSJSONObject
// JSON.parse in .uts runs as UTS.JSON.parse (vitest.config.mjs), as in DCloud's Web and mini-program builds.
globalThis.UTS ??= UTS
