/** The share links of boards created on this device (the facilitator's to hand out). */
import { z } from 'zod'
import type { Role } from '../../shared/protocol/messages.ts'
import { readStored, writeStored } from './storage.ts'

const linksSchema = z.object({
  facilitator: z.string(),
  participant: z.string(),
  viewer: z.string(),
})
export type BoardLinks = Record<Role, string>

const key = (boardId: string) => `wb.links.${boardId}`

export const readLinks = (boardId: string): BoardLinks | null =>
  readStored<BoardLinks | null>(key(boardId), linksSchema.nullable(), null)

export const saveLinks = (boardId: string, links: BoardLinks): void =>
  writeStored(key(boardId), links)
