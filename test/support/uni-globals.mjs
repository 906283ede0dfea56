// The uni-app CLI auto-imports UniError and UTSJSONObject into .uts files (from @dcloudio/uni-shared);
// in plain Node the engine sees the same classes as globals.
import { UniError, UTSJSONObject } from '@dcloudio/uni-shared'

globalThis.UniError ??= UniError
globalThis.UTSJSONObject ??= UTSJSONObject
