import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadOrCreateSecret } from './secret.ts'
import { createToken, createTokens, verifyToken } from './tokens.ts'

const SECRET = 'unit-test-secret-0123456789'

describe('capability tokens', () => {
  it('grant exactly the role they were made for, on their board only', () => {
    const tokens = createTokens(SECRET, 'board1')
    expect(verifyToken(SECRET, 'board1', tokens.facilitator)).toBe('facilitator')
    expect(verifyToken(SECRET, 'board1', tokens.participant)).toBe('participant')
    expect(verifyToken(SECRET, 'board1', tokens.viewer)).toBe('viewer')
    expect(verifyToken(SECRET, 'board2', tokens.facilitator)).toBeNull()
    expect(verifyToken('another-secret-0123456789', 'board1', tokens.viewer)).toBeNull()
  })

  it('are url-safe and decide the role before checking the signature', () => {
    const token = createToken(SECRET, 'b', 'viewer')
    expect(token).toMatch(/^v[A-Za-z0-9_-]{43}$/)
    // The viewer's signature under the facilitator's letter is worthless.
    expect(verifyToken(SECRET, 'b', 'f' + token.slice(1))).toBeNull()
  })

  it.each([undefined, null, '', 'v', 'vAAAA', 'x'.repeat(500), 42])('refuse %j', (token) => {
    expect(verifyToken(SECRET, 'b', token)).toBeNull()
  })

  it('refuse a token with characters added or changed', () => {
    const token = createToken(SECRET, 'b', 'participant')
    expect(verifyToken(SECRET, 'b', token + '=')).toBeNull()
    expect(verifyToken(SECRET, 'b', token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBe(
      null,
    )
  })
})

describe('loadOrCreateSecret', () => {
  it('generates a secret once and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'secret-'))
    try {
      const first = loadOrCreateSecret(join(dir, 'nested'))
      expect(first.length).toBeGreaterThanOrEqual(32)
      expect(loadOrCreateSecret(join(dir, 'nested'))).toBe(first)
      expect(readFileSync(join(dir, 'nested', 'secret'), 'utf8').trim()).toBe(first)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
