/**
 * Named versions of a board, stored beside it in the board store without widening it: each
 * version's full state under `<boardId>~v~<versionId>` (a full copy, so the live document keeps
 * Yjs garbage collection), and the list under `<boardId>~versions` as JSON entries, one per
 * append. The state is written before the list names it, so a listed version always loads.
 */
import * as Y from 'yjs'
import { newId } from '../../shared/schema/index.ts'
import { versionInfoSchema, type VersionInfo } from '../../shared/history/types.ts'
import type { BoardStore } from '../persistence/store.ts'

export const versionStateId = (boardId: string, versionId: string) => `${boardId}~v~${versionId}`
export const versionIndexId = (boardId: string) => `${boardId}~versions`

/** Enough for every part of many sessions; a runaway script cannot fill the disk with copies. */
export const MAX_VERSIONS = 500

export class TooManyVersionsError extends Error {
  override name = 'TooManyVersionsError'
}

export async function listVersions(store: BoardStore, boardId: string): Promise<VersionInfo[]> {
  const stored = await store.load(versionIndexId(boardId))
  const out: VersionInfo[] = []
  for (const chunk of stored?.updates ?? []) {
    try {
      const parsed = versionInfoSchema.safeParse(JSON.parse(new TextDecoder().decode(chunk)))
      if (parsed.success) out.push(parsed.data)
    } catch {
      // A damaged entry hides one version, not the list.
    }
  }
  return out.sort((a, b) => a.createdAt - b.createdAt)
}

export async function saveVersion(
  store: BoardStore,
  boardId: string,
  state: Uint8Array,
  info: { name: string; createdBy: string; createdAt: number },
): Promise<VersionInfo> {
  if ((await listVersions(store, boardId)).length >= MAX_VERSIONS)
    throw new TooManyVersionsError(`a board keeps at most ${MAX_VERSIONS} versions`)
  const version: VersionInfo = { id: newId(), ...info }
  const stateId = versionStateId(boardId, version.id)
  const seq = await store.append(stateId, [state])
  // One compressed snapshot instead of a log entry.
  await store.compact(stateId, state, seq)
  await store.append(versionIndexId(boardId), [new TextEncoder().encode(JSON.stringify(version))])
  return version
}

/** The version's state as one Yjs update, or null when the board has no such version. */
export async function loadVersion(
  store: BoardStore,
  boardId: string,
  versionId: string,
): Promise<{ info: VersionInfo; state: Uint8Array } | null> {
  const info = (await listVersions(store, boardId)).find((v) => v.id === versionId)
  if (!info) return null
  const stored = await store.load(versionStateId(boardId, versionId))
  const state = stored?.updates[0]
  if (!stored || !state) return null
  return { info, state: stored.updates.length === 1 ? state : mergeAll(stored.updates) }
}

const mergeAll = (updates: Uint8Array[]) => Y.mergeUpdates(updates)
