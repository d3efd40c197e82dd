/**
 * TipTap extensions of the scribe editor: paragraphs that remember when they were started (shown
 * in the margin in the reader's local time), and remote scribes' carets from awareness.
 */
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import Paragraph from '@tiptap/extension-paragraph'
import { yCursorPlugin, ySyncPluginKey } from '@tiptap/y-tiptap'
import type { Awareness } from 'y-protocols/awareness'
import { ScopedAwareness } from './scopedAwareness.ts'

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })

/** A paragraph with `createdAt` (ms): stored in the document, never copied when splitting. */
export const TimedParagraph = Paragraph.extend({
  addAttributes() {
    return {
      createdAt: {
        default: null,
        keepOnSplit: false,
        parseHTML: (el: HTMLElement) => Number(el.dataset.createdAt) || null,
        renderHTML: (attrs: { createdAt?: unknown }) =>
          typeof attrs.createdAt === 'number'
            ? {
                'data-created-at': String(attrs.createdAt),
                'data-time': timeFormat.format(attrs.createdAt),
              }
            : {},
      },
    }
  },
})

const stampKey = new PluginKey('scribe-stamp')

/** Stamps paragraphs that have text but no time yet: a paragraph's time is when writing began. */
export const StampParagraphs = Extension.create({
  name: 'stampParagraphs',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: stampKey,
        appendTransaction(transactions, _old, state) {
          // Only our own typing stamps; remote paragraphs arrive with their author's time.
          const local = (tr: (typeof transactions)[number]) =>
            tr.docChanged &&
            !(tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean })?.isChangeOrigin
          if (!transactions.some(local)) return null
          const now = Date.now()
          let tr = null
          state.doc.descendants((node, pos) => {
            if (node.type.name !== 'paragraph') return true
            if (node.attrs.createdAt == null && node.textContent.trim() !== '') {
              tr ??= state.tr
              tr.setNodeAttribute(pos, 'createdAt', now)
            }
            return false
          })
          return tr
        },
      }),
    ]
  },
})

/** Other scribes' carets and selections in this scope, with their name and colour. */
export const ScribeCarets = Extension.create<{ awareness: Awareness | null; scope: string }>({
  name: 'scribeCarets',
  addOptions: () => ({ awareness: null, scope: 'plenary' }),
  addProseMirrorPlugins() {
    const { awareness, scope } = this.options
    if (!awareness) return []
    const scoped = new ScopedAwareness(awareness, scope) as unknown as Awareness
    return [yCursorPlugin(scoped, { cursorBuilder: caret })]
  },
})

function caret(user: { name?: string; color?: string }): HTMLElement {
  const el = document.createElement('span')
  el.className = 'scribe-caret'
  el.style.borderColor = user.color ?? '#ffa500'
  const label = document.createElement('span')
  label.className = 'scribe-caret-label'
  label.style.backgroundColor = user.color ?? '#ffa500'
  label.textContent = user.name ?? ''
  el.append(label)
  return el
}
