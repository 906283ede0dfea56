// In uni-app builds the CLI auto-imports these into .uts files; the Node bundle injects the same classes.
export { UniError, UTSJSONObject } from '@dcloudio/uni-shared'
