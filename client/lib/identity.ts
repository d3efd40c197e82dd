/** Who this device is: a stable user id, the display name the user chose, a colour from the id. */
import { z } from 'zod'
import {
  newUserSecret,
  personIdFromSecret,
  USER_SECRET_PATTERN,
} from '../../shared/facilitation/identity.ts'
import { readStored, writeStored } from './storage.ts'

const ID_KEY = 'wb.userId'
const SECRET_KEY = 'wb.userSecret'
const NAME_KEY = 'wb.userName'

/** Cursor and avatar colours, each at least 4.5:1 against white text (WCAG AA). */
export const USER_COLORS = [
  '#b34700',
  '#c2255c',
  '#9c36b5',
  '#5f3dc4',
  '#1864ab',
  '#0b7285',
  '#087f5b',
  '#2b7a3a',
  '#9a5b00',
  '#495057',
] as const

/**
 * This device's secret (never shown, never shared; sent only to the server as `?user=`), from
 * which the user id everyone sees is derived, so nobody can act as someone else.
 */
export function userSecret(): string {
  const stored = readStored(SECRET_KEY, z.string().regex(USER_SECRET_PATTERN), '')
  if (stored) return stored
  const secret = newUserSecret()
  writeStored(SECRET_KEY, secret)
  return secret
}

export function userId(): string {
  const id = personIdFromSecret(userSecret())
  // Kept for older code that reads it; the secret is what counts.
  if (readStored(ID_KEY, z.string(), '') !== id) writeStored(ID_KEY, id)
  return id
}

export const userName = (): string => readStored(NAME_KEY, z.string().max(80), '')
export const setUserName = (name: string): void => writeStored(NAME_KEY, name.trim().slice(0, 80))

export function colorForUser(id: string): string {
  let h = 0
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0
  return USER_COLORS[h % USER_COLORS.length]!
}

/**
 * Up to two initials: the first letter of each of the first two words that have one, so
 * "Fran (facilitator)" is "FF", not "F(". Letters in any script count (\p{L}, with their
 * combining marks); punctuation, brackets and digits are skipped.
 */
export function initials(name: string): string {
  const letters: string[] = []
  for (const word of name.trim().split(/\s+/)) {
    const letter = /\p{L}\p{M}*/u.exec(word)?.[0]
    if (letter) letters.push(letter.toLocaleUpperCase())
    if (letters.length === 2) break
  }
  return letters.join('') || '?'
}
