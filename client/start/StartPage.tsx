/** Start page: create a board and get its three links; reopen boards this device has seen. */
import { useState } from 'react'
import { t } from '../i18n/i18n.ts'
import { saveLinks } from '../lib/links.ts'
import { rememberBoard } from '../lib/recentBoards.ts'
import { boardPath, navigate } from '../lib/route.ts'
import { CopyField } from '../ui/CopyField.tsx'
import { createBoard, type CreatedBoard } from './api.ts'
import { RecentBoards } from './RecentBoards.tsx'
import { initialChoice, TemplatePicker, templateRequest } from './TemplatePicker.tsx'

export function StartPage() {
  const [title, setTitle] = useState('')
  const [choice, setChoice] = useState(initialChoice)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [created, setCreated] = useState<{ board: CreatedBoard; title: string } | null>(null)

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const board = await createBoard(title.trim(), templateRequest(choice))
      saveLinks(board.id, board.links)
      rememberBoard({
        id: board.id,
        token: board.tokens.facilitator,
        role: 'facilitator',
        title: title.trim(),
      })
      setCreated({ board, title: title.trim() })
    } catch (e) {
      setError(t('create-failed', e instanceof Error ? e.message : String(e)))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="start-page">
      <header className="start-header">
        <span className="brand-mark" aria-hidden="true" />
        <span className="start-brand">{t('app-name')}</span>
      </header>
      <main className="start-main">
        <section className="card">
          <h1>{t('start-title')}</h1>
          <p className="lead">{t('start-lead')}</p>
          {!created ? (
            <form
              className="create-form"
              onSubmit={(e) => {
                e.preventDefault()
                void submit()
              }}
            >
              <label className="field">
                <span>{t('create-title-label')}</span>
                <input
                  className="text-input"
                  data-testid="create-title"
                  value={title}
                  maxLength={200}
                  placeholder={t('create-title-placeholder')}
                  onChange={(e) => setTitle(e.target.value)}
                />
              </label>
              <TemplatePicker choice={choice} onChange={setChoice} />
              <button
                type="submit"
                className="button button--large"
                disabled={busy}
                data-testid="create-board"
              >
                {busy ? t('creating') : t('create-board')}
              </button>
              {error && (
                <p className="error" role="alert">
                  {error}
                </p>
              )}
            </form>
          ) : (
            <div className="created" data-testid="created">
              <h2>{t('created-title', created.title || t('board-untitled'))}</h2>
              <p className="dialog-text">{t('share-intro')}</p>
              <CopyField
                label={t('link-participant')}
                value={created.board.links.participant}
                testId="link-participant"
              />
              <CopyField
                label={t('link-viewer')}
                value={created.board.links.viewer}
                testId="link-viewer"
              />
              <CopyField
                label={t('link-facilitator')}
                value={created.board.links.facilitator}
                testId="link-facilitator"
              />
              <div className="created-actions">
                <button
                  type="button"
                  className="button button--large"
                  data-testid="open-facilitator"
                  onClick={() => navigate(boardPath(created.board.id))}
                >
                  {t('open-as-facilitator')}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setCreated(null)}
                >
                  {t('create-another')}
                </button>
              </div>
            </div>
          )}
        </section>
        <RecentBoards />
      </main>
    </div>
  )
}
