import { describe, expect, it } from 'vitest'
import { matchesShortcut, type KeyLike } from './keys.ts'

const ev = (key: string, mods: Partial<KeyLike> & { code?: string } = {}): KeyLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
})

describe('shortcuts', () => {
  it('matches Mod as Ctrl elsewhere and Cmd on a Mac', () => {
    expect(matchesShortcut(ev('z', { ctrlKey: true }), 'Mod+z', false)).toBe(true)
    expect(matchesShortcut(ev('z', { metaKey: true }), 'Mod+z', true)).toBe(true)
    expect(matchesShortcut(ev('z', { metaKey: true }), 'Mod+z', false)).toBe(false)
    expect(matchesShortcut(ev('z'), 'Mod+z', false)).toBe(false)
  })

  it('tells undo from redo by Shift', () => {
    const redo = ev('Z', { ctrlKey: true, shiftKey: true })
    expect(matchesShortcut(redo, 'Mod+z', false)).toBe(false)
    expect(matchesShortcut(redo, 'Shift+Mod+z', false)).toBe(true)
  })

  it('matches plain keys, named keys and symbols', () => {
    expect(matchesShortcut(ev('n'), 'n', false)).toBe(true)
    expect(matchesShortcut(ev('N', { shiftKey: true }), 'n', false)).toBe(false)
    expect(matchesShortcut(ev('Delete'), 'Delete', false)).toBe(true)
    expect(matchesShortcut(ev('+', { shiftKey: true }), '+', false)).toBe(true)
    expect(matchesShortcut(ev('+', { ctrlKey: true, shiftKey: true }), 'Mod++', false)).toBe(true)
    expect(matchesShortcut(ev('!', { shiftKey: true, code: 'Digit1' }), 'Shift+1', false)).toBe(
      true,
    )
  })
})
