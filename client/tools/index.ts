import type { Editor } from '../editor/editor.ts'
import type { ToolId } from '../editor/viewState.ts'
import { ConnectorTool } from './connector/ConnectorTool.ts'
import { FrameTool } from './frame/FrameTool.ts'
import { HandTool } from './hand/HandTool.ts'
import { NoteTool } from './note/NoteTool.ts'
import { SelectTool } from './select/SelectTool.ts'
import type { Tool } from './types.ts'

export type Tools = Record<ToolId, Tool> & { hand: HandTool }

export function createTools(editor: Editor): Tools {
  return {
    select: new SelectTool(editor),
    hand: new HandTool(editor),
    note: new NoteTool(editor),
    frame: new FrameTool(editor),
    connector: new ConnectorTool(editor),
  }
}
