import { describe, expect, it } from 'vitest'
import { roleHintFromToken } from './role.ts'

describe('roleHintFromToken', () => {
  it('reads the role letter the server puts first', () => {
    expect(roleHintFromToken('vAbC123')).toBe('viewer')
    expect(roleHintFromToken('pAbC123')).toBe('participant')
    expect(roleHintFromToken('fAbC123')).toBe('facilitator')
    expect(roleHintFromToken('x123')).toBeNull()
    expect(roleHintFromToken('v')).toBeNull()
  })
})
