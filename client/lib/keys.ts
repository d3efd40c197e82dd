/** Matches keyboard events against shortcut strings like 'Mod+z', 'Shift+Mod+z', 'Delete'. */
export interface KeyLike {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

export function matchesShortcut(e: KeyLike, shortcut: string, isMac: boolean): boolean {
  // 'Mod++' and '+' name the '+' key itself.
  const plusKey = shortcut.endsWith('+')
  const parts = (plusKey ? shortcut.slice(0, -1) : shortcut).split('+').filter(Boolean)
  const key = plusKey ? '+' : parts.pop()!
  const mods = new Set(parts)
  const mod = isMac ? e.metaKey : e.ctrlKey
  if (mods.has('Mod') !== mod) return false
  if (!isMac && e.metaKey) return false
  if (isMac && e.ctrlKey) return false
  if (e.altKey) return false
  const pressed = e.key.length === 1 ? e.key.toLowerCase() : e.key
  // Shift changes the character itself for symbols ('+', '!'); only check it for letters and names.
  const shiftMatters = /^[a-z]$/i.test(key) || key.length > 1 || /^\d$/.test(key)
  if (shiftMatters && mods.has('Shift') !== e.shiftKey) return false
  if (/^\d$/.test(key) && mods.has('Shift')) return pressed === key || codeDigit(e) === key
  return pressed === key.toLowerCase() || pressed === key
}

/** With Shift held, digit keys report symbols ('!' for 1); fall back to the physical key code. */
function codeDigit(e: KeyLike): string | null {
  const code = (e as { code?: string }).code
  return code?.startsWith('Digit') ? code.slice(5) : null
}

/** Typing in a field must not trigger board shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * Keys and clipboard events there are not the board's: a text control, or anything in a dialog
 * (a modal one leaves the board inert, and a click on its backdrop focuses the dialog itself).
 */
export function isNotForBoard(target: EventTarget | null): boolean {
  return isTypingTarget(target) || (target instanceof Element && target.closest('dialog') !== null)
}
