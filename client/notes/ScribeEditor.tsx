/**
 * Collaborative rich text for one scope ('plenary' or a poster's frame id), bound to the
 * document's Y.XmlFragment for it. Several scribes type at once and see each other's carets.
 * Node names are TipTap's (paragraph, bulletList, orderedList, listItem, hardBreak, bold), which
 * shared/export/scribe.ts reads.
 */
import Collaboration from '@tiptap/extension-collaboration'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { scribeNotes } from '../../shared/doc/index.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { ScribeCarets, StampParagraphs, TimedParagraph } from './scribeExtensions.ts'

interface Props {
  editor: Editor
  scope: string
  readOnly: boolean
}

export function ScribeEditor({ editor, scope, readOnly }: Props) {
  const rich = useEditor(
    {
      editable: !readOnly,
      // The toolbar shows which marks and lists are active at the caret.
      shouldRerenderOnTransaction: true,
      extensions: [
        StarterKit.configure({
          // Undo comes from the Yjs binding, so that it undoes only this scribe's typing.
          undoRedo: false,
          paragraph: false,
          heading: false,
          codeBlock: false,
          code: false,
          horizontalRule: false,
          blockquote: false,
          link: false,
        }),
        TimedParagraph,
        StampParagraphs,
        Collaboration.configure({ fragment: scribeNotes(editor.doc, scope) }),
        ScribeCarets.configure({ awareness: editor.session.awareness, scope }),
      ],
      editorProps: {
        attributes: {
          class: 'scribe-text',
          'aria-label': t('scribe-editor-label'),
          'data-testid': 'scribe-editor',
        },
      },
    },
    [editor, scope, readOnly],
  )

  const button = (
    label: Parameters<typeof t>[0],
    text: string,
    active: boolean,
    run: () => void,
  ) => (
    <button
      type="button"
      className={`scribe-tool${active ? ' scribe-tool--on' : ''}`}
      aria-pressed={active}
      title={t(label)}
      aria-label={t(label)}
      disabled={readOnly || !rich}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {text}
    </button>
  )

  return (
    <div className="scribe">
      {rich && (
        <div className="scribe-toolbar" role="toolbar" aria-label={t('scribe-toolbar')}>
          {button('scribe-bold', 'B', rich.isActive('bold'), () =>
            rich.chain().focus().toggleBold().run(),
          )}
          {button('scribe-bullets', '•', rich.isActive('bulletList'), () =>
            rich.chain().focus().toggleBulletList().run(),
          )}
          {button('scribe-numbers', '1.', rich.isActive('orderedList'), () =>
            rich.chain().focus().toggleOrderedList().run(),
          )}
          {button('scribe-indent', '→', false, () =>
            rich.chain().focus().sinkListItem('listItem').run(),
          )}
          {button('scribe-outdent', '←', false, () =>
            rich.chain().focus().liftListItem('listItem').run(),
          )}
        </div>
      )}
      <EditorContent editor={rich} className="scribe-body" />
    </div>
  )
}
