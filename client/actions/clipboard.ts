import { connectors, items, itemsToAdd, LOCAL_ORIGIN, tags, topZ } from '../../shared/doc/index.ts'
import type { Point } from '../../shared/geometry/index.ts'
import {
  copyPayload,
  instantiate,
  parsePayload,
  type ClipboardPayload,
} from '../editor/clipboard.ts'
import type { Editor } from '../editor/editor.ts'
import { withChildren } from '../editor/frames.ts'
import { membershipChanges, membershipPatch } from '../editor/frames.ts'
import { defineAction, hasSelection } from './registry.ts'
import { UPDATE_LIMITS } from '../../shared/protocol/messages.ts'
import { currentLocale, t } from '../i18n/i18n.ts'

/** The last copy on this page, for when the system clipboard cannot be read. */
let lastCopy: string | null = null

/** The selection (with what is on selected posters) as clipboard JSON. */
export function selectionJson(editor: Editor): string | null {
  const sel = editor.view.get().selection
  const ids = withChildren(
    [...sel].filter((id) => editor.items.get(id)),
    editor.items.all(),
  )
  const picked = [...ids].map((id) => editor.items.get(id)!).filter(Boolean)
  const arrows = new Set([...sel].filter((id) => editor.connectors.get(id)))
  if (picked.length === 0 && arrows.size === 0) return null
  const payload = copyPayload(picked, editor.connectors.all(), arrows, editor.tags.get)
  lastCopy = JSON.stringify(payload)
  return lastCopy
}

export const copySelection = defineAction({
  id: 'copySelection',
  label: 'action-copy',
  mutates: false,
  contextMenu: true,
  enabled: hasSelection,
  perform(editor) {
    const json = selectionJson(editor)
    if (json) void navigator.clipboard?.writeText(json).catch(() => {})
  },
})

/** Pastes clipboard text (from a paste event) at `at`; text that is not ours is ignored. */
export const pasteText = defineAction<{ text: string; at: Point | null }>({
  id: 'pasteText',
  label: 'action-paste',
  mutates: true,
  perform(editor, { text, at }) {
    const payload = parsePayload(text)
    if (payload) pastePayload(editor, payload, at)
  },
})

/** The context menu's paste: this page's last copy, under the pointer. */
export const pasteRecords = defineAction({
  id: 'pasteRecords',
  label: 'action-paste',
  mutates: true,
  contextMenu: true,
  enabled: () => lastCopy !== null,
  perform(editor) {
    const payload = parsePayload(lastCopy ?? '')
    if (payload) pastePayload(editor, payload, editor.placementPoint())
  },
})

export function pastePayload(editor: Editor, payload: ClipboardPayload, at: Point | null): void {
  const doc = editor.doc
  const made = instantiate(payload, at, {
    now: Date.now(),
    authorId: editor.user.id,
    baseZ: topZ(doc),
    tags: editor.tags.all(),
  })
  // Loose post-its land on whatever poster they were pasted onto.
  const all = [...items(doc).all(), ...made.items]
  const loose = made.items.filter((i) => i.parentId === null).map((i) => i.id)
  const byId = new Map(all.map((i) => [i.id, i]))
  const patches = new Map<string, Record<string, unknown>>()
  for (const [id, m] of membershipChanges(loose, all))
    patches.set(id, membershipPatch(byId.get(id)!, m))
  // The server takes at most UPDATE_LIMITS.structs new items in one update, and would close the
  // board to us for a paste that makes more: refuse it here, saying how much goes at once.
  const records = [...made.newTags, ...made.items, ...made.connectors]
  let written = 0
  for (const r of records) written += itemsToAdd(r)
  for (const patch of patches.values()) written += Object.keys(patch).length + 1
  if (written > UPDATE_LIMITS.structs) {
    const most = Math.floor((UPDATE_LIMITS.structs / written) * records.length)
    const count = (n: number) => n.toLocaleString(currentLocale())
    editor.view.set({ notice: t('paste-too-large', count(records.length), count(most)) })
    return
  }
  tags(doc).add(made.newTags, LOCAL_ORIGIN)
  items(doc).add(made.items, LOCAL_ORIGIN)
  connectors(doc).add(made.connectors, LOCAL_ORIGIN)
  items(doc).update(patches, LOCAL_ORIGIN)
  editor.select([...made.items.map((i) => i.id), ...made.connectors.map((c) => c.id)])
}

/** Copies and pastes in one go, beside the originals. */
export const duplicateSelection = defineAction({
  id: 'duplicateSelection',
  label: 'action-duplicate',
  keys: ['Mod+d'],
  mutates: true,
  contextMenu: true,
  enabled: hasSelection,
  perform(editor) {
    const json = selectionJson(editor)
    const payload = json ? parsePayload(json) : null
    if (payload) pastePayload(editor, payload, null)
  },
})
