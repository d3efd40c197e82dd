/**
 * Comment threads on post-its and connectors: start one on the selection, reply, resolve and
 * reopen. Viewers read; the server refuses their writes anyway.
 */
import { useEffect, useState } from 'react'
import { comments, LOCAL_ORIGIN } from '../../shared/doc/index.ts'
import { newId, type CommentRecord } from '../../shared/schema/index.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { useStore } from '../lib/store.ts'
import { threadOf, useCommentsRead, type CommentsRead } from './commentsRead.ts'
import type { RememberedPerson } from './peopleMemory.ts'
import { formatTime, zoneCity } from './time.ts'
import { useComments } from './useComments.ts'
import { boxOfRecord, recordLabel, showBox } from './walk.ts'

interface Props {
  editor: Editor
  read: CommentsRead
  readOnly: boolean
  people: RememberedPerson[]
}

export function CommentsPanel({ editor, read, readOnly, people }: Props) {
  const all = useComments(editor)
  const selection = useStore(editor.view, (s) => [...s.selection].slice(0, 1))
  const target = selection[0] && editor.exists(selection[0]) ? selection[0] : null
  const [showResolved, setShowResolved] = useState(false)
  const roots = all
    .filter((c) => c.threadId === null && (target ? c.targetId === target : true))
    .filter((c) => showResolved || !c.resolved || c.targetId === target)
    .sort((a, b) => b.updatedAt - a.updatedAt)
  return (
    <div className="remote-section" data-testid="comments-panel">
      {target ? (
        <p className="remote-hint">{t('comments-on', recordLabel(editor, target) || '…')}</p>
      ) : (
        <p className="remote-hint">{t('comments-select-hint')}</p>
      )}
      {target && !readOnly && <NewComment editor={editor} targetId={target} threadId={null} />}
      <label className="remote-check">
        <input
          type="checkbox"
          checked={showResolved}
          onChange={(e) => setShowResolved(e.target.checked)}
        />
        {t('comments-show-resolved')}
      </label>
      {roots.length === 0 && <p className="remote-empty">{t('comments-none')}</p>}
      {roots.map((root) => (
        <Thread
          key={root.id}
          editor={editor}
          root={root}
          replies={all
            .filter((c) => c.threadId === root.id)
            .sort((a, b) => a.createdAt - b.createdAt)}
          read={read}
          readOnly={readOnly}
          people={people}
          showTarget={!target}
        />
      ))}
    </div>
  )
}

function Thread({
  editor,
  root,
  replies,
  read,
  readOnly,
  people,
  showTarget,
}: {
  editor: Editor
  root: CommentRecord
  replies: CommentRecord[]
  read: CommentsRead
  readOnly: boolean
  people: RememberedPerson[]
  showTarget: boolean
}) {
  const lastRead = useCommentsRead(read)[threadOf(root)] ?? 0
  const newest = Math.max(root.createdAt, ...replies.map((r) => r.createdAt))
  // Showing a thread is reading it.
  useEffect(() => read.markRead(root.id, newest), [read, root.id, newest])
  const setResolved = (resolved: boolean) =>
    comments(editor.doc).update([[root.id, { resolved }]], LOCAL_ORIGIN)
  return (
    <article
      className={`comment-thread ${root.resolved ? 'comment-thread--resolved' : ''}`}
      data-testid="comment-thread"
      data-resolved={root.resolved}
    >
      {showTarget && (
        <button
          type="button"
          className="link-button comment-target"
          onClick={() => {
            const box = boxOfRecord(editor, root.targetId)
            if (box) showBox(editor, box)
            editor.select([root.targetId])
          }}
        >
          {recordLabel(editor, root.targetId) || t('comments-target-gone')}
        </button>
      )}
      {[root, ...replies].map((c) => (
        <Comment
          key={c.id}
          comment={c}
          unread={c.createdAt > lastRead}
          people={people}
          me={editor.user.id}
        />
      ))}
      <div className="comment-actions">
        {!readOnly &&
          (root.resolved ? (
            <button type="button" className="link-button" onClick={() => setResolved(false)}>
              {t('comments-reopen')}
            </button>
          ) : (
            <button
              type="button"
              className="link-button"
              onClick={() => setResolved(true)}
              data-testid="comment-resolve"
            >
              {t('comments-resolve')}
            </button>
          ))}
      </div>
      {!readOnly && !root.resolved && (
        <NewComment editor={editor} targetId={root.targetId} threadId={root.id} />
      )}
    </article>
  )
}

function Comment({
  comment,
  unread,
  people,
  me,
}: {
  comment: CommentRecord
  unread: boolean
  people: RememberedPerson[]
  me: string
}) {
  const zone = people.find((p) => p.id === comment.authorId)?.timeZone
  const theirs = zone ? t('time-in', formatTime(comment.createdAt, zone), zoneCity(zone)) : ''
  return (
    <div className={`comment ${unread && comment.authorId !== me ? 'comment--unread' : ''}`}>
      <div className="comment-head">
        <strong>{comment.authorName || t('comments-someone')}</strong>
        <time dateTime={new Date(comment.createdAt).toISOString()} title={theirs}>
          {formatTime(comment.createdAt)}
        </time>
      </div>
      <p className="comment-text">{comment.text}</p>
    </div>
  )
}

function NewComment({
  editor,
  targetId,
  threadId,
}: {
  editor: Editor
  targetId: string
  threadId: string | null
}) {
  const [text, setText] = useState('')
  const submit = () => {
    const body = text.trim()
    if (!body) return
    const now = Date.now()
    const record: CommentRecord = {
      id: newId(),
      kind: 'comment',
      targetId,
      threadId,
      text: body.slice(0, 5000),
      authorId: editor.user.id,
      authorName: editor.user.name,
      createdAt: now,
      updatedAt: now,
      resolved: false,
    }
    editor.doc.transact(() => {
      comments(editor.doc).add([record], LOCAL_ORIGIN)
      // A reply to a thread brings it back to life.
      if (threadId) comments(editor.doc).update([[threadId, { updatedAt: now }]], LOCAL_ORIGIN, now)
    }, LOCAL_ORIGIN)
    setText('')
  }
  return (
    <form
      className="comment-form"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <textarea
        className="text-input"
        value={text}
        rows={2}
        maxLength={5000}
        placeholder={threadId ? t('comments-reply-placeholder') : t('comments-new-placeholder')}
        aria-label={threadId ? t('comments-reply') : t('comments-new')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation()
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit()
        }}
        data-testid={threadId ? 'comment-reply-input' : 'comment-new-input'}
      />
      <button type="submit" className="button" disabled={!text.trim()}>
        {threadId ? t('comments-reply') : t('comments-new')}
      </button>
    </form>
  )
}
