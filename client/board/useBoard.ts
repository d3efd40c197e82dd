/** Opens a board session and its editor for as long as the page shows the board. */
import { useEffect, useState } from 'react'
import type { Role } from '../../shared/protocol/messages.ts'
import { Editor } from '../editor/editor.ts'
import { colorForUser, userId } from '../lib/identity.ts'
import { createTools, type Tools } from '../tools/index.ts'
import { sessionOptions, takeSession } from './earlyOpen.ts'
import { TEST_HOOKS } from '../lib/testHooks.ts'
import { installTestHook } from './testHook.ts'

export interface OpenBoard {
  editor: Editor
  tools: Tools
}

export function useBoard(
  boardId: string,
  token: string,
  role: Role,
  name: string,
): OpenBoard | null {
  const [open, setOpen] = useState<OpenBoard | null>(null)

  useEffect(() => {
    const session = takeSession(sessionOptions(boardId, { token, role }))
    const id = userId()
    const editor = new Editor(session, { id, name: '', color: colorForUser(id), role })
    const tools = createTools(editor)
    const removeHook = TEST_HOOKS ? installTestHook(editor) : () => {}
    setOpen({ editor, tools })
    return () => {
      removeHook()
      editor.destroy()
      session.destroy()
      setOpen(null)
    }
  }, [boardId, token, role])

  // The name can change while the board is open.
  useEffect(() => {
    if (!open) return
    const user = { ...open.editor.user, name }
    Object.assign(open.editor.user, user)
    open.editor.presence.setUser(user)
  }, [open, name])

  return open
}
