/**
 * "Add to notes": the selected post-its become entries of a section of the structured notes,
 * each linked back to the post-it it came from. One registered action per section, so that the
 * context menu and the keyboard list read them like any other action.
 */
import { NOTE_SECTIONS, type NoteSection } from '../../shared/schema/index.ts'
import { defineAction, type UserAction } from '../actions/registry.ts'
import type { MessageKey } from '../i18n/i18n.ts'
import { addEntries } from './entryActions.ts'

const LABELS: Record<NoteSection, MessageKey> = {
  answers: 'action-promote-answers',
  features: 'action-promote-features',
  decisions: 'action-promote-decisions',
  actions: 'action-promote-actions',
  questions: 'action-promote-questions',
}

const promoteTo = (section: NoteSection): UserAction =>
  defineAction({
    id: `promote-${section}`,
    label: LABELS[section],
    mutates: true,
    contextMenu: true,
    enabled: (editor) =>
      editor.selectedItems().some((i) => i.kind === 'note' && i.text.trim() !== ''),
    perform(editor) {
      const notes = editor
        .selectedItems()
        .filter((i) => i.kind === 'note' && i.text.trim() !== '')
        .sort((a, b) => a.y - b.y || a.x - b.x)
      editor.run(
        addEntries,
        notes.map((n) => ({
          section,
          text: n.kind === 'note' ? n.text : '',
          sourceId: n.id,
        })),
      )
    },
  })

export const promoteActions: readonly UserAction[] = NOTE_SECTIONS.map(promoteTo)
