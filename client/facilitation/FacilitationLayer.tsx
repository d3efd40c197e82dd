/**
 * Everything facilitation adds to a board page: the timer for everyone, the facilitator's panel,
 * voting and private writing for participants, following and the projector's presenter mode.
 */
import { useEffect, useState } from 'react'
import { z } from 'zod'
import { useCover, useMakeRoom } from '../canvas/covers.ts'
import type { Editor } from '../editor/editor.ts'
import { BoardMarks } from './BoardMarks.tsx'
import { t } from '../i18n/i18n.ts'
import { userId, userSecret } from '../lib/identity.ts'
import { readStored, writeStored } from '../lib/storage.ts'
import { useStore } from '../lib/store.ts'
import { FacilitationClient } from './facilitationClient.ts'
import { FacilitatorPanel } from './FacilitatorPanel.tsx'
import { FollowBar, useFocusCalls, usePublishViewport } from './Follow.tsx'
import { PrivateNotes } from './privateNotes.ts'
import { PrivateWriting } from './PrivateWriting.tsx'
import { TimerChip } from './TimerChip.tsx'
import { VoteBar } from './VoteBar.tsx'

export function FacilitationLayer({ editor, boardId }: { editor: Editor; boardId: string }) {
  const [fac, setFac] = useState<FacilitationClient | null>(null)
  useEffect(() => {
    const client = new FacilitationClient(editor.session, editor.user.role !== 'viewer')
    setFac(client)
    return () => {
      client.destroy()
      setFac(null)
    }
  }, [editor])
  if (!fac) return null
  return <Layer editor={editor} fac={fac} boardId={boardId} />
}

function Layer({
  editor,
  fac,
  boardId,
}: {
  editor: Editor
  fac: FacilitationClient
  boardId: string
}) {
  const role = editor.user.role
  const [panelOpen, setPanelOpen] = usePanelOpen()
  const phase = useStore(fac.state, (s) => s.facilitation.phase)
  const notes = usePrivateNotes(editor, boardId, role === 'participant' && phase.private)
  usePublishViewport(editor)
  useFocusCalls(editor, fac)
  // The voting column and the timer keep their part of the canvas free (a projector follows
  // the facilitator's view instead).
  const leftCover = useCover()
  useMakeRoom(editor, role !== 'viewer')
  useEffect(() => {
    document.body.classList.toggle('presenter', role === 'viewer')
    return () => document.body.classList.remove('presenter')
  }, [role])
  return (
    <div className="fac-layer">
      <BoardMarks editor={editor} fac={fac} />
      <TimerChip editor={editor} fac={fac} />
      <FollowBar editor={editor} />
      <div className="fac-left" ref={leftCover}>
        {notes && <PrivateWriting editor={editor} notes={notes} frameId={phase.frameId} />}
        <VoteBar editor={editor} fac={fac} />
      </div>
      {role === 'facilitator' &&
        (panelOpen ? (
          <FacilitatorPanel editor={editor} fac={fac} onClose={() => setPanelOpen(false)} />
        ) : (
          <button
            type="button"
            className="button fac-panel-open"
            onClick={() => setPanelOpen(true)}
            data-testid="facilitation-open"
          >
            {t('fac-panel')}
          </button>
        ))}
    </div>
  )
}

/** Whether this device keeps the facilitator's panel open: closed at first, so the board shows. */
const PANEL_KEY = 'wb.facilitation.panelOpen'

function usePanelOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(() => readStored(PANEL_KEY, z.boolean(), false))
  const set = (next: boolean) => {
    writeStored(PANEL_KEY, next)
    setOpen(next)
  }
  return [open, set]
}

/** This person's private room, open while private writing is on. */
function usePrivateNotes(editor: Editor, boardId: string, on: boolean): PrivateNotes | null {
  const [notes, setNotes] = useState<PrivateNotes | null>(null)
  useEffect(() => {
    if (!on) return
    const id = userId()
    const opened = new PrivateNotes(boardId, editor.session.options.token, id, userSecret(), id)
    // Drawn on the canvas where they were placed, marked private, and edited there.
    const detach = editor.attachPrivate(opened.doc)
    setNotes(opened)
    return () => {
      detach()
      opened.destroy()
      setNotes(null)
    }
  }, [on, boardId, editor])
  return notes
}
