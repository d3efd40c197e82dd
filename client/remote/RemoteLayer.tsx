/**
 * Everything for people who were away or are elsewhere: catch-up rings and bar, comment badges,
 * and a side panel with activity, comments and history. Mounted once on the board page.
 */
import { useEffect, useMemo, useState } from 'react'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { BoardApi } from './api.ts'
import { ActivityPanel } from './ActivityPanel.tsx'
import { CatchUpBar, CatchUpRings } from './CatchUp.tsx'
import { CatchUpStore } from './catchUpStore.ts'
import { CommentBadges } from './CommentBadges.tsx'
import { CommentsRead, unreadCount, useCommentsRead } from './commentsRead.ts'
import { CommentsPanel } from './CommentsPanel.tsx'
import { HistoryPanel } from './HistoryPanel.tsx'
import { publishPresence, rememberedPeople } from './peopleMemory.ts'
import { useComments } from './useComments.ts'

type Tab = 'activity' | 'comments' | 'history'

export function RemoteLayer({
  editor,
  boardId,
  readOnly,
}: {
  editor: Editor
  boardId: string
  readOnly: boolean
}) {
  const [catchUp, setCatchUp] = useState<CatchUpStore | null>(null)
  const read = useMemo(() => new CommentsRead(boardId), [boardId])
  const api = useMemo(() => new BoardApi(boardId, editor.session.options.token), [boardId, editor])
  const [tab, setTab] = useState<Tab | null>(null)
  useEffect(() => {
    // A viewer (the projector) follows the room live: nothing to catch up on.
    const store = editor.user.role === 'viewer' ? null : new CatchUpStore(editor.session, boardId)
    setCatchUp(store)
    const stop = publishPresence(editor, boardId)
    return () => {
      stop()
      store?.destroy()
      setCatchUp(null)
    }
  }, [editor, boardId])
  const all = useComments(editor)
  const unread = unreadCount(all, useCommentsRead(read), editor.user.id)
  const people = tab ? rememberedPeople(boardId) : []
  const toggle = (next: Tab) => setTab((cur) => (cur === next ? null : next))
  return (
    <>
      <div className="remote-overlay">
        {catchUp && <CatchUpRings editor={editor} store={catchUp} />}
        <CommentBadges
          editor={editor}
          read={read}
          onOpen={(id) => {
            editor.select([id])
            setTab('comments')
          }}
        />
      </div>
      <div className="remote-dock">
        {catchUp && <CatchUpBar editor={editor} store={catchUp} />}
        <div className="remote-tabs" role="toolbar" aria-label={t('remote-tools')}>
          {(['activity', 'comments', 'history'] as const).map((id) => (
            <button
              key={id}
              type="button"
              className="remote-tab"
              aria-pressed={tab === id}
              onClick={() => toggle(id)}
              data-testid={`remote-tab-${id}`}
            >
              {t(`remote-tab-${id}`)}
              {id === 'comments' && unread > 0 && (
                <span className="remote-unread" aria-label={t('comments-unread', unread)}>
                  {unread}
                </span>
              )}
            </button>
          ))}
        </div>
      </div>
      {tab && (
        <aside className="remote-panel" aria-label={t(`remote-tab-${tab}`)}>
          <header className="remote-panel-head">
            <h2>{t(`remote-tab-${tab}`)}</h2>
            <button
              type="button"
              className="icon-button"
              aria-label={t('close')}
              onClick={() => setTab(null)}
            >
              ×
            </button>
          </header>
          {tab === 'activity' && <ActivityPanel editor={editor} api={api} people={people} />}
          {tab === 'comments' && (
            <CommentsPanel editor={editor} read={read} readOnly={readOnly} people={people} />
          )}
          {tab === 'history' && <HistoryPanel editor={editor} api={api} />}
        </aside>
      )}
    </>
  )
}
