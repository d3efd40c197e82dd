import { defineAction } from './registry.ts'

export const selectAll = defineAction({
  id: 'selectAll',
  label: 'action-select-all',
  keys: ['Mod+a'],
  mutates: false,
  contextMenu: true,
  perform(editor) {
    editor.select([
      ...editor.items.all().map((i) => i.id),
      ...editor.connectors.all().map((c) => c.id),
    ])
  },
})

export const clearSelection = defineAction({
  id: 'clearSelection',
  label: 'action-clear-selection',
  keys: ['Escape'],
  mutates: false,
  perform(editor) {
    editor.select([])
    // Escape also abandons a gesture in flight and a tag highlight.
    editor.view.set({
      contextMenu: null,
      tool: 'select',
      connectorDraft: null,
      draft: null,
      marquee: null,
      highlightTag: null,
    })
  },
})
