import type { ToolId } from '../editor/viewState.ts'
import type { MessageKey } from '../i18n/i18n.ts'
import { defineAction, type UserAction } from './registry.ts'

const tool = (id: ToolId, label: MessageKey, keys: string[], mutates = false): UserAction =>
  defineAction({
    id: `tool-${id}`,
    label,
    keys,
    mutates,
    perform: (editor) => editor.setTool(id),
  })

export const selectTool = tool('select', 'tool-select', ['v'])
export const handTool = tool('hand', 'tool-hand', ['h'])
// Choosing a drawing tool is refused on read-only boards, like the edits it leads to.
export const noteTool = tool('note', 'tool-note', [], true)
export const frameTool = tool('frame', 'tool-frame', ['f'], true)
export const connectorTool = tool('connector', 'tool-connector', ['c'], true)
