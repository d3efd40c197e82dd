/** Who this device is: a stable user id, the display name the user chose, a colour from the id. */
import { z } from 'zod'
import { newId } from '../../shared/schema/index.ts'
import { readStored, writeStored } from './storage.ts'

const ID_KEY = 'wb.userId'
const NAME_KEY = 'wb.userName'

/** Cursor colours with enough contrast for white name labels. */
export const USER_COLORS = [
  '#d9480f',
  '#c2255c',
  '#9c36b5',
  '#5f3dc4',
  '#1864ab',
  '#0b7285',
  '#087f5b',
  '#2b8a3e',
  '#e67700',
  '#495057',
] as const

export function userId(): string {
  const stored = readStored(ID_KEY, z.string().min(1).max(64), '')
  if (stored) return stored
  const id = newId()
  writeStored(ID_KEY, id)
  return id
}

export const userName = (): string => readStored(NAME_KEY, z.string().max(80), '')
export const setUserName = (name: string): void => writeStored(NAME_KEY, name.trim().slice(0, 80))

export function colorForUser(id: string): string {
  let h = 0
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0
  return USER_COLORS[h % USER_COLORS.length]!
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts
  return letters.map((p) => [...p][0]!.toUpperCase()).join('') || '?'
}
