import { describe, expect, it } from 'vitest'
import { facilitationDefaults } from '../schema/facilitation.ts'
import { estimateOffset, ServerClock } from './clock.ts'
import {
  extendTimer,
  formatCountdown,
  isFinished,
  pauseTimer,
  remainingMs,
  resetTimer,
  startTimer,
} from './timer.ts'

const base = { ...facilitationDefaults().timer, durationMs: 600_000, remainingMs: 600_000 }

describe('timer', () => {
  it('counts down from the server time it started at', () => {
    const t = startTimer(base, 1_000_000)
    expect(t).toMatchObject({ state: 'running', endsAt: 1_600_000 })
    expect(remainingMs(t, 1_060_000)).toBe(540_000)
    expect(remainingMs(t, 2_000_000)).toBe(0)
    expect(isFinished(t, 2_000_000)).toBe(true)
    // Seen from a clock 300 ms behind the one that started it: still not more than its length.
    expect(remainingMs(t, 999_700)).toBe(600_000)
  })

  it('pauses, resumes with what was left, extends and resets', () => {
    let t = startTimer(base, 0)
    t = pauseTimer(t, 100_000)
    expect(t).toMatchObject({ state: 'paused', remainingMs: 500_000, endsAt: null })
    expect(remainingMs(t, 9_999_999)).toBe(500_000)
    t = startTimer(t, 200_000)
    expect(t.endsAt).toBe(700_000)
    t = extendTimer(t, 120_000, 300_000)
    expect(remainingMs(t, 300_000)).toBe(520_000)
    t = extendTimer(t, -10_000_000, 300_000)
    expect(remainingMs(t, 300_000)).toBe(0)
    expect(resetTimer(t, 300_000)).toEqual({
      state: 'stopped',
      durationMs: 300_000,
      endsAt: null,
      remainingMs: 300_000,
    })
  })

  it('formats countdowns', () => {
    expect(formatCountdown(0)).toBe('0:00')
    expect(formatCountdown(61_000)).toBe('1:01')
    expect(formatCountdown(59_001)).toBe('1:00')
    expect(formatCountdown(3_723_000)).toBe('1:02:03')
  })
})

describe('server clock', () => {
  it('shows the same remaining time on clients whose clocks are skewed', () => {
    const serverNow = 5_000_000
    const timer = startTimer(base, serverNow)
    // Two clients, one 7 minutes fast and one 3 hours slow, each with a 40 ms round trip.
    const readings = [7 * 60_000, -3 * 3600_000].map((skew) => {
      const localAtServerNow = serverNow + skew
      const clock = new ServerClock(() => localAtServerNow + 60_000)
      clock.add({
        sentAt: localAtServerNow - 20,
        serverTime: serverNow,
        receivedAt: localAtServerNow + 20,
      })
      return remainingMs(timer, clock.now())
    })
    expect(readings).toEqual([540_000, 540_000])
  })

  it('trusts the sample with the shortest round trip', () => {
    expect(
      estimateOffset([
        { sentAt: 0, serverTime: 1_500, receivedAt: 1_000 },
        { sentAt: 2_000, serverTime: 3_010, receivedAt: 2_020 },
      ]),
    ).toBe(1_000)
    expect(estimateOffset([])).toBe(0)
  })
})
