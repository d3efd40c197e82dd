/** A count of comments beside each post-it or connector that has open threads. */
import { useStore } from '../lib/store.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { threadOf, useCommentsRead, type CommentsRead } from './commentsRead.ts'
import { useComments } from './useComments.ts'
import { boxOfRecord } from './walk.ts'

export function CommentBadges({
  editor,
  read,
  onOpen,
}: {
  editor: Editor
  read: CommentsRead
  onOpen: (targetId: string) => void
}) {
  const all = useComments(editor)
  const camera = useStore(editor.view, (s) => s.camera)
  const readAt = useCommentsRead(read)
  const resolved = new Set(all.filter((c) => c.threadId === null && c.resolved).map((c) => c.id))
  const byTarget = new Map<string, { total: number; unread: number }>()
  for (const c of all) {
    if (resolved.has(threadOf(c))) continue
    const entry = byTarget.get(c.targetId) ?? { total: 0, unread: 0 }
    entry.total++
    if (c.authorId !== editor.user.id && c.createdAt > (readAt[threadOf(c)] ?? 0)) entry.unread++
    byTarget.set(c.targetId, entry)
  }
  return (
    <div className="comment-badges">
      {[...byTarget].map(([targetId, { total, unread }]) => {
        const box = boxOfRecord(editor, targetId)
        if (!box) return null
        return (
          <button
            key={targetId}
            type="button"
            className={`comment-badge ${unread ? 'comment-badge--unread' : ''}`}
            style={{
              left: (box.x + box.w) * camera.scale + camera.x - 12,
              top: box.y * camera.scale + camera.y - 12,
            }}
            title={t('comments-badge', total, unread)}
            aria-label={t('comments-badge', total, unread)}
            data-testid="comment-badge"
            data-target={targetId}
            onClick={() => onOpen(targetId)}
          >
            {total}
          </button>
        )
      })}
    </div>
  )
}
