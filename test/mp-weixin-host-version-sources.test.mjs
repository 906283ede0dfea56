// mp-weixin/host-version.uts on its own, over a stand-in for the host's `uni` (the base-library API, not our code): where
// the base library version is read from, in order, and what counts as one. The version decides whether streaming is
// refused up front (mp-weixin-build and mp-hosts-build run the whole plugin on the built output).
import { afterEach, describe, expect, test } from 'vitest'
import { compareVersion, hostSdkVersion } from '../uni_modules/connect-event-source/utssdk/mp-weixin/host-version.uts'

const saved = globalThis.uni
afterEach(() => { globalThis.uni = saved })

/** A host whose getAppBaseInfo and getSystemInfoSync return these (a function: it is called, so it may throw). */
function host(baseInfo, systemInfo) {
  globalThis.uni = {
    getAppBaseInfo: typeof baseInfo === 'function' ? baseInfo : () => baseInfo,
    getSystemInfoSync: typeof systemInfo === 'function' ? systemInfo : () => systemInfo
  }
}

describe('hostSdkVersion', () => {
  test('getAppBaseInfo first: hostSDKVersion, then SDKVersion; getSystemInfoSync is not asked then', () => {
    host({ hostSDKVersion: '3.4.0', SDKVersion: '1.0.0' }, { SDKVersion: '2.0.0' })
    expect(hostSdkVersion()).toBe('3.4.0')
    host({ SDKVersion: '3.1.0' }, () => { throw new Error('not asked') })
    expect(hostSdkVersion()).toBe('3.1.0')
  })

  test('getSystemInfoSync when getAppBaseInfo is missing (throws) or gives no version string', () => {
    host(() => { throw new Error('getAppBaseInfo is not a function') }, { SDKVersion: '2.9.0' })
    expect(hostSdkVersion()).toBe('2.9.0')
    host({ SDKVersion: '' }, { SDKVersion: '2.8.0' })
    expect(hostSdkVersion()).toBe('2.8.0')
    host({ SDKVersion: 3 }, { SDKVersion: '2.7.0' })
    expect(hostSdkVersion()).toBe('2.7.0')
  })

  test('no version string anywhere: "" (a number is not a version)', () => {
    host({}, { SDKVersion: 5 })
    expect(hostSdkVersion()).toBe('')
    host(() => { throw new Error('x') }, () => { throw new Error('y') })
    expect(hostSdkVersion()).toBe('')
  })
})

test('compareVersion: numeric per part, missing parts are 0', () => {
  expect([compareVersion('2.20.10', '2.20.2'), compareVersion('2.20', '2.20.0'), compareVersion('1.9', '1.10'), compareVersion('3', '2.99.99')]).toEqual([1, 0, -1, 1])
})
