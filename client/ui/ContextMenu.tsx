/** Right-click menu: the registered actions that are possible now. */
import { contextMenuActions } from '../actions/index.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { useStore } from '../lib/store.ts'

export function ContextMenu({ editor }: { editor: Editor }) {
  const at = useStore(editor.view, (s) => s.contextMenu)
  useStore(editor.view, (s) => s.selection)
  if (!at) return null
  const actions = contextMenuActions.filter(
    (a) => !(a.mutates && editor.readOnly) && (!a.enabled || a.enabled(editor)),
  )
  if (actions.length === 0) return null
  const close = () => editor.view.set({ contextMenu: null })
  return (
    <div
      className="context-menu"
      role="menu"
      style={{ left: at.x, top: at.y }}
      onPointerDown={(e) => e.stopPropagation()}
    >
      {actions.map((a) => (
        <button
          key={a.id}
          type="button"
          role="menuitem"
          onClick={() => {
            close()
            editor.run(a, undefined)
          }}
        >
          {t(a.label)}
        </button>
      ))}
    </div>
  )
}
