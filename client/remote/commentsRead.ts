/**
 * Which comments this device has read (scope: session, in localStorage): per thread, the time of
 * the newest comment seen. Unread = newer comments by someone else.
 */
import { useSyncExternalStore } from 'react'
import { z } from 'zod'
import type { CommentRecord } from '../../shared/schema/index.ts'
import { readStored, writeStored } from '../lib/storage.ts'
import { Store } from '../lib/store.ts'

const readSchema = z.record(z.string(), z.number())

export class CommentsRead extends Store<Record<string, number>> {
  private readonly key: string

  constructor(boardId: string) {
    const key = `wb.commentsRead.${boardId}`
    super(readStored(key, readSchema, {}))
    this.key = key
  }

  markRead(threadId: string, at: number): void {
    if ((this.get()[threadId] ?? 0) >= at) return
    this.set({ [threadId]: at })
    writeStored(this.key, this.get())
  }
}

export const threadOf = (c: CommentRecord) => c.threadId ?? c.id

export function unreadCount(
  all: readonly CommentRecord[],
  read: Record<string, number>,
  me: string,
): number {
  return all.filter((c) => c.authorId !== me && c.createdAt > (read[threadOf(c)] ?? 0)).length
}

export const useCommentsRead = (store: CommentsRead) =>
  useSyncExternalStore(store.subscribe, store.get)
