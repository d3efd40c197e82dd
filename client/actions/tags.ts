import { items, LOCAL_ORIGIN, tags, updateItems, type ItemPatch } from '../../shared/doc/index.ts'
import { newId, type NoteColor, type TagRecord } from '../../shared/schema/index.ts'
import { defineAction } from './registry.ts'
import { selectedNotes } from './noteProps.ts'

/**
 * Adds a tag to the board's list (or finds the one with that name) and, when post-its are
 * selected, tags them with it.
 */
export const createTag = defineAction<{ name: string; color: NoteColor }>({
  id: 'createTag',
  label: 'action-create-tag',
  mutates: true,
  perform(editor, { name, color }) {
    const clean = name.trim().slice(0, 60)
    if (!clean) return
    let tag = editor.tags.all().find((t) => t.name.toLowerCase() === clean.toLowerCase())
    if (!tag) {
      tag = { id: newId(), kind: 'tag', name: clean, color }
      tags(editor.doc).add([tag], LOCAL_ORIGIN)
    }
    const id = tag.id
    const patches = new Map<string, ItemPatch>()
    for (const n of selectedNotes(editor))
      if (!n.tags.includes(id)) patches.set(n.id, { tags: [...n.tags, id] })
    editor.patchPrivate(patches)
    updateItems(editor.doc, patches, LOCAL_ORIGIN)
  },
})

/** Tags the selected post-its with a tag, or untags them when all of them have it. */
export const toggleTag = defineAction<string>({
  id: 'toggleTag',
  label: 'action-toggle-tag',
  mutates: true,
  enabled: (editor) => selectedNotes(editor).length > 0,
  perform(editor, tagId) {
    const notes = selectedNotes(editor)
    const all = notes.every((n) => n.tags.includes(tagId))
    const patches = new Map<string, ItemPatch>()
    for (const n of notes) {
      if (all) patches.set(n.id, { tags: n.tags.filter((t) => t !== tagId) })
      else if (!n.tags.includes(tagId)) patches.set(n.id, { tags: [...n.tags, tagId] })
    }
    editor.patchPrivate(patches)
    updateItems(editor.doc, patches, LOCAL_ORIGIN)
  },
})

export const updateTag = defineAction<{ id: string } & Partial<Pick<TagRecord, 'name' | 'color'>>>({
  id: 'updateTag',
  label: 'action-update-tag',
  mutates: true,
  perform(editor, { id, ...patch }) {
    if (patch.name !== undefined && !patch.name.trim()) return
    tags(editor.doc).update([[id, patch]], LOCAL_ORIGIN)
  },
})

/** Removes a tag from the board and from every post-it that had it. */
export const deleteTag = defineAction<string>({
  id: 'deleteTag',
  label: 'action-delete-tag',
  mutates: true,
  perform(editor, tagId) {
    const patches = new Map<string, ItemPatch>()
    for (const i of editor.items.all())
      if (i.kind === 'note' && i.tags.includes(tagId))
        patches.set(i.id, { tags: i.tags.filter((t) => t !== tagId) })
    items(editor.doc).update(patches, LOCAL_ORIGIN)
    tags(editor.doc).delete([tagId], LOCAL_ORIGIN)
    if (editor.view.get().highlightTag === tagId) editor.view.set({ highlightTag: null })
  },
})

/** Makes the post-its with a tag stand out (the others fade); again to stop. */
export const highlightTag = defineAction<string | null>({
  id: 'highlightTag',
  label: 'action-highlight-tag',
  mutates: false,
  perform(editor, tagId) {
    const now = editor.view.get().highlightTag
    editor.view.set({ highlightTag: now === tagId ? null : tagId })
  },
})
