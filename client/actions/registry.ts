/**
 * A user action as a registered object: one definition feeds the toolbar, the keyboard shortcut
 * and the context menu (Excalidraw's `register`). Actions with arguments are run by tools.
 */
import type { Action, Editor } from '../editor/editor.ts'
import type { MessageKey } from '../i18n/i18n.ts'

export interface UserAction<A = void> extends Action<A> {
  label: MessageKey
  /** Shortcuts like 'Mod+z', 'Shift+Mod+z', 'Delete', 'n'. Mod is Ctrl, or Cmd on a Mac. */
  keys?: readonly string[]
  /** Shown in the context menu when enabled. */
  contextMenu?: boolean
}

export const defineAction = <A = void>(action: UserAction<A>): UserAction<A> => action

export const hasSelection = (editor: Editor) => editor.view.get().selection.size > 0
