/** The left toolbar: tools, then undo/redo. Buttons run registered actions. */
import { redo } from '../actions/redo.ts'
import { connectorTool, frameTool, handTool, noteTool, selectTool } from '../actions/tools.ts'
import { undo } from '../actions/undo.ts'
import type { UserAction } from '../actions/registry.ts'
import type { Editor } from '../editor/editor.ts'
import type { ToolId } from '../editor/viewState.ts'
import { t } from '../i18n/i18n.ts'
import { useStore } from '../lib/store.ts'
import { Icon, type IconName } from './icons.tsx'
import { useUndoState } from './useUndoState.ts'

const TOOLS: { id: ToolId; action: UserAction; icon: IconName; key: string }[] = [
  { id: 'select', action: selectTool, icon: 'select', key: 'V' },
  { id: 'hand', action: handTool, icon: 'hand', key: 'H' },
  { id: 'note', action: noteTool, icon: 'note', key: 'N' },
  { id: 'frame', action: frameTool, icon: 'frame', key: 'F' },
  { id: 'connector', action: connectorTool, icon: 'arrow', key: 'C' },
]

export function Toolbar({ editor, readOnly }: { editor: Editor; readOnly: boolean }) {
  const tool = useStore(editor.view, (s) => s.tool)
  const { canUndo, canRedo } = useUndoState(editor)
  const tools = readOnly ? TOOLS.slice(0, 2) : TOOLS
  return (
    <nav className="toolbar" aria-label={t('toolbar-label')}>
      {tools.map((item) => (
        <button
          key={item.id}
          type="button"
          className="tool-button"
          aria-pressed={tool === item.id}
          title={t('tooltip-with-key', t(item.action.label), item.key)}
          aria-label={t(item.action.label)}
          data-tool={item.id}
          onClick={() => editor.run(item.action, undefined)}
        >
          <Icon name={item.icon} />
        </button>
      ))}
      {!readOnly && (
        <>
          <hr />
          <button
            type="button"
            className="tool-button"
            disabled={!canUndo}
            title={t('tooltip-with-key', t(undo.label), 'Ctrl+Z')}
            aria-label={t(undo.label)}
            onClick={() => editor.run(undo, undefined)}
          >
            <Icon name="undo" />
          </button>
          <button
            type="button"
            className="tool-button"
            disabled={!canRedo}
            title={t('tooltip-with-key', t(redo.label), 'Ctrl+Shift+Z')}
            aria-label={t(redo.label)}
            onClick={() => editor.run(redo, undefined)}
          >
            <Icon name="redo" />
          </button>
        </>
      )}
    </nav>
  )
}
