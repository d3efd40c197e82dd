import { describe, expect, it } from 'vitest'
import { initials } from './identity.ts'

describe('initials', () => {
  it('takes the first letter of the first two words, skipping brackets and punctuation', () => {
    expect(initials('Fran (facilitator)')).toBe('FF')
    expect(initials('Ada')).toBe('A')
    expect(initials('ada lovelace byron')).toBe('AL')
    expect(initials('"Ben" - Smith')).toBe('BS')
    expect(initials('  (Pia)  ')).toBe('P')
  })

  it('works in any script', () => {
    expect(initials('山田 太郎')).toBe('山太')
    expect(initials('王小明')).toBe('王')
    expect(initials('Åsa Öberg')).toBe('ÅÖ')
    expect(initials('Ελένη Παπαδοπούλου')).toBe('ΕΠ')
  })

  it('falls back to a question mark when a name has no letter', () => {
    expect(initials('')).toBe('?')
    expect(initials('42 (!)')).toBe('?')
  })
})
