/** Keyboard: registered actions by their shortcuts, and space held for panning. */
import { useEffect } from 'react'
import { pasteText, selectionJson } from '../actions/clipboard.ts'
import { deleteItems } from '../actions/deleteItems.ts'
import { shortcutActions } from '../actions/index.ts'
import type { Editor } from '../editor/editor.ts'
import { isNotForBoard, matchesShortcut } from '../lib/keys.ts'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

export function useShortcuts(editor: Editor | null): void {
  useEffect(() => {
    if (!editor) return
    const onKeyDown = (e: KeyboardEvent) => {
      if (isNotForBoard(e.target)) return
      if (e.key === ' ') {
        e.preventDefault()
        if (!e.repeat) editor.view.set({ spaceHeld: true })
        return
      }
      for (const action of shortcutActions) {
        if (!action.keys?.some((k) => matchesShortcut(e, k, isMac))) continue
        e.preventDefault()
        editor.run(action, undefined)
        return
      }
    }
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ') editor.view.set({ spaceHeld: false })
    }
    const onBlur = () => editor.view.set({ spaceHeld: false })
    // Copy, cut and paste through the clipboard events: they carry data without a permission.
    const onCopy = (e: ClipboardEvent) => {
      if (isNotForBoard(e.target) || isNotForBoard(document.activeElement)) return
      const json = selectionJson(editor)
      if (!json || !e.clipboardData) return
      e.preventDefault()
      e.clipboardData.setData('text/plain', json)
      if (e.type === 'cut') editor.run(deleteItems, undefined)
    }
    const onPaste = (e: ClipboardEvent) => {
      if (isNotForBoard(e.target) || isNotForBoard(document.activeElement)) return
      const text = e.clipboardData?.getData('text/plain')
      if (!text) return
      e.preventDefault()
      editor.run(pasteText, { text, at: editor.placementPoint() })
    }
    document.addEventListener('copy', onCopy)
    document.addEventListener('cut', onCopy)
    document.addEventListener('paste', onPaste)
    window.addEventListener('keydown', onKeyDown)
    window.addEventListener('keyup', onKeyUp)
    window.addEventListener('blur', onBlur)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      window.removeEventListener('keyup', onKeyUp)
      window.removeEventListener('blur', onBlur)
      document.removeEventListener('copy', onCopy)
      document.removeEventListener('cut', onCopy)
      document.removeEventListener('paste', onPaste)
    }
  }, [editor])
}
