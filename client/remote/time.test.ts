import { describe, expect, it } from 'vitest'
import { formatTime, sinceParts, zoneCity } from './time.ts'

describe('times across timezones', () => {
  it('shows one moment in each reader’s zone', () => {
    const at = Date.UTC(2026, 10, 24, 13, 5)
    expect(formatTime(at, 'Europe/Berlin', at)).toMatch(/^0?2:05\s?PM$|^14:05$/)
    expect(formatTime(at, 'America/Los_Angeles', at)).toMatch(/^0?5:05\s?AM$|^05:05$/)
    // Another day says which.
    expect(formatTime(at, 'UTC', at + 3 * 86_400_000)).toMatch(/Tue|24/)
    // An unknown zone falls back to the reader's own rather than throwing.
    expect(formatTime(at, 'Not/AZone', at)).toBeTruthy()
  })

  it('names zones by their city and rounds time since', () => {
    expect(zoneCity('America/Los_Angeles')).toBe('Los Angeles')
    const now = 10 * 86_400_000
    expect(sinceParts(now - 5 * 60_000, now)).toEqual({ unit: 'min', n: 5 })
    expect(sinceParts(now - 3 * 3_600_000, now)).toEqual({ unit: 'h', n: 3 })
    expect(sinceParts(now - 4 * 86_400_000, now)).toEqual({ unit: 'd', n: 4 })
  })
})
