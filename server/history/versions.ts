/**
 * Named versions of a board: each a full copy of the board's state (so the live document keeps
 * Yjs garbage collection), stored in the store's versions table beside the board.
 */
import { newId } from '../../shared/schema/index.ts'
import { versionInfoSchema, type VersionInfo } from '../../shared/history/types.ts'
import type { BoardStore } from '../persistence/store.ts'

/** Enough for every part of many sessions; a runaway script cannot fill the disk with copies. */
export const MAX_VERSIONS = 500

export class TooManyVersionsError extends Error {
  override name = 'TooManyVersionsError'
}

export async function listVersions(store: BoardStore, boardId: string): Promise<VersionInfo[]> {
  // A damaged row hides one version, not the list.
  return (await store.versions.list(boardId)).flatMap((v) => {
    const parsed = versionInfoSchema.safeParse(v)
    return parsed.success ? [parsed.data] : []
  })
}

export async function saveVersion(
  store: BoardStore,
  boardId: string,
  state: Uint8Array,
  info: { name: string; createdBy: string; createdAt: number },
): Promise<VersionInfo> {
  const version: VersionInfo = { id: newId(), ...info }
  if (!(await store.versions.add(boardId, version, state, MAX_VERSIONS)))
    throw new TooManyVersionsError(`a board keeps at most ${MAX_VERSIONS} versions`)
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
  const state = await store.versions.state(boardId, versionId)
  return state ? { info, state } : null
}
