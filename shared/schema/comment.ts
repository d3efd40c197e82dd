import { z } from 'zod'
import { idSchema, shortText, timestamp, type RecordType } from './common.ts'

/**
 * A comment on a post-it or a connector, for discussion across timezones. A thread is its root
 * comment (threadId null) and the replies that name it; resolving is a flag on the root.
 */
export const commentSchema = z.object({
  id: idSchema,
  kind: z.literal('comment'),
  /** The item or connector the thread is about. */
  targetId: idSchema,
  /** The root comment of the thread, or null for a root. */
  threadId: idSchema.nullable(),
  text: shortText(5000),
  authorId: shortText(64),
  authorName: shortText(80),
  createdAt: timestamp,
  updatedAt: timestamp,
  /** Only meaningful on a root: the thread was settled. Reopening sets it back. */
  resolved: z.boolean(),
})
export type CommentRecord = z.infer<typeof commentSchema>

export const commentType: RecordType<'comment', CommentRecord> = {
  kind: 'comment',
  collection: 'comments',
  // Anyone may resolve a thread; what a comment says is its author's.
  access: {
    writers: 'anyone',
    owner: { field: 'authorId', fields: ['text', 'authorName'], deleteByOwnerOnly: true },
  },
  version: 1,
  schema: commentSchema,
  defaults: () => ({
    targetId: 'unknown',
    threadId: null,
    text: '',
    authorId: '',
    authorName: '',
    createdAt: 0,
    updatedAt: 0,
    resolved: false,
  }),
  migrations: {},
  textFields: ['text'],
}
