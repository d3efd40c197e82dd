import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { clientAddress } from './client-address.ts'
import { originAllowed } from './origin.ts'

const request = (headers: Record<string, string>, remoteAddress = '10.0.0.9') =>
  ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage

describe('originAllowed', () => {
  const host = { host: 'board.example.org:8080' }
  it.each([
    [{}, true],
    [{ origin: 'http://board.example.org:8080' }, true],
    [{ origin: 'https://board.example.org:8080' }, true],
    [{ origin: 'https://partner.example.org' }, true],
    [{ origin: 'http://board.example.org' }, false],
    [{ origin: 'https://evil.example.com' }, false],
    [{ origin: 'null' }, false],
    [{ origin: 'not a url' }, false],
    [{ origin: 'file://board.example.org:8080' }, false],
  ])('without PUBLIC_URL: %j → %s', (headers, allowed) => {
    expect(
      originAllowed(request({ ...host, ...headers }), undefined, ['https://partner.example.org']),
    ).toBe(allowed)
  })

  it('with PUBLIC_URL: its origin only (plus the allow-list), whatever the Host header says', () => {
    const req = (origin: string) => request({ host: 'internal:8080', origin })
    expect(originAllowed(req('https://board.example.org'), 'https://board.example.org/', [])).toBe(
      true,
    )
    expect(originAllowed(req('http://internal:8080'), 'https://board.example.org', [])).toBe(false)
  })
})

describe('clientAddress', () => {
  it("is the socket's address unless the proxy is trusted", () => {
    const req = request({ 'x-forwarded-for': '1.2.3.4, 5.6.7.8' })
    expect(clientAddress(req, false)).toBe('10.0.0.9')
    // The last entry is the one the proxy appended; earlier ones may be forged by the client.
    expect(clientAddress(req, true)).toBe('5.6.7.8')
    expect(clientAddress(request({}), true)).toBe('10.0.0.9')
  })
})
