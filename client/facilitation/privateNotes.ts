/**
 * This person's post-its during private writing: a document of their own on the server (their
 * private room), which nobody else can open. The server moves them to the board when the
 * facilitator reveals them all.
 */
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { addItems, items, LOCAL_ORIGIN, updateItem } from '../../shared/doc/index.ts'
import { privateRoomId } from '../../shared/facilitation/identity.ts'
import { newId, recordTypes, type NoteRecord } from '../../shared/schema/index.ts'
import { Store } from '../lib/store.ts'

export interface PrivateNotesState {
  notes: NoteRecord[]
  connected: boolean
}

export class PrivateNotes {
  readonly doc = new Y.Doc()
  readonly state = new Store<PrivateNotesState>({ notes: [], connected: false })
  private readonly provider: WebsocketProvider

  constructor(
    boardId: string,
    token: string,
    personId: string,
    secret: string,
    private readonly authorId: string,
  ) {
    const protocol = location.protocol === 'https:' ? 'wss' : 'ws'
    this.provider = new WebsocketProvider(
      `${protocol}://${location.host}/ws`,
      privateRoomId(boardId, personId),
      this.doc,
      { params: { token, user: secret }, disableBc: true },
    )
    // Nobody else is in a private room: no presence to share.
    this.provider.awareness.setLocalState(null)
    const refresh = () =>
      this.state.set({
        notes: items(this.doc)
          .all()
          .filter((i): i is NoteRecord => i.kind === 'note')
          .sort((a, b) => a.createdAt - b.createdAt),
      })
    items(this.doc).map.observeDeep(refresh)
    this.provider.on('status', ({ status }) =>
      this.state.set({ connected: status === 'connected' }),
    )
  }

  /** `z`: above what is on the board, so the canvas draws it on top. */
  add(text: string, at: { x: number; y: number }, parentId: string | null, z = 0): void {
    const now = Date.now()
    const note: NoteRecord = {
      ...recordTypes.note.defaults(),
      id: newId(),
      kind: 'note',
      text,
      x: Math.round(at.x - 80),
      y: Math.round(at.y - 80),
      parentId,
      z,
      authorId: this.authorId,
      createdAt: now,
      updatedAt: now,
    }
    addItems(this.doc, [note], LOCAL_ORIGIN)
  }

  edit(id: string, text: string): void {
    updateItem(this.doc, id, { text }, LOCAL_ORIGIN)
  }

  remove(id: string): void {
    items(this.doc).delete([id], LOCAL_ORIGIN)
  }

  destroy(): void {
    this.provider.destroy()
    this.doc.destroy()
  }
}
