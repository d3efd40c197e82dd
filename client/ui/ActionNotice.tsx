import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { useStore } from '../lib/store.ts'

/** What the editor has to tell this person about their last action, until they close it. */
export function ActionNotice({ editor }: { editor: Editor }) {
  const notice = useStore(editor.view, (s) => s.notice)
  if (!notice) return null
  return (
    <div className="banner" role="alert" data-testid="action-notice">
      {notice}
      <button
        type="button"
        className="link-button"
        onClick={() => editor.view.set({ notice: null })}
      >
        {t('close')}
      </button>
    </div>
  )
}
