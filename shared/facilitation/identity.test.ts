import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  newUserSecret,
  parsePrivateRoomId,
  personIdFromSecret,
  privateRoomId,
  USER_SECRET_PATTERN,
} from './identity.ts'

describe('person ids', () => {
  it('are base64url(sha256(secret)) cut to 16, as the server derives them', () => {
    const secret = newUserSecret()
    expect(secret).toMatch(USER_SECRET_PATTERN)
    const expected = createHash('sha256').update(secret).digest('base64url').slice(0, 16)
    expect(personIdFromSecret(secret)).toBe(expected)
    expect(personIdFromSecret(newUserSecret())).not.toBe(expected)
  })

  it('name private rooms that parse back, and nothing else parses as one', () => {
    const id = personIdFromSecret(newUserSecret())
    expect(parsePrivateRoomId(privateRoomId('board1', id))).toEqual({
      boardId: 'board1',
      personId: id,
    })
    expect(parsePrivateRoomId('board1')).toBeNull()
    expect(parsePrivateRoomId('board1~votes')).toBeNull()
    expect(parsePrivateRoomId(`a~private~${id}x`)).toBeNull()
  })
})
