/** The board page: composes top bar, toolbar, canvas and panels around one open board. */
import { lazy, Suspense, useEffect, useState, type UIEvent } from 'react'
import type { Role } from '../../shared/protocol/messages.ts'
import { zoomToFit } from '../actions/zoom.ts'
import { BoardCanvas } from '../canvas/BoardCanvas.tsx'
import { TextEditor } from '../canvas/TextEditor.tsx'
import type { Editor } from '../editor/editor.ts'
import { ExportDialog } from '../export/ExportDialog.tsx'
import { FacilitationLayer } from '../facilitation/FacilitationLayer.tsx'
import { ImageDrop } from '../images/ImageDrop.tsx'
import { ActionNotice } from '../ui/ActionNotice.tsx'
import { RemoteLayer } from '../remote/RemoteLayer.tsx'
import { VersionBanner, VersionCanvas } from '../remote/VersionCanvas.tsx'
import { useOpenVersion } from '../remote/versionView.ts'
import type { Tools } from '../tools/index.ts'
import { t } from '../i18n/i18n.ts'
import { setUserName, userId, userName } from '../lib/identity.ts'
import { whenIdle } from '../lib/idle.ts'
import { updateRecentTitle } from '../lib/recentBoards.ts'
import { useSessionStatus } from '../sync/useSessionState.ts'
import { ColorPalette } from '../ui/ColorPalette.tsx'
import { ContextMenu } from '../ui/ContextMenu.tsx'
import { Inspector } from '../ui/Inspector.tsx'
import { Navigator } from '../ui/Navigator.tsx'
import { NameDialog } from '../ui/NameDialog.tsx'
import { ShareDialog } from '../ui/ShareDialog.tsx'
import { Toolbar } from '../ui/Toolbar.tsx'
import { TopBar, useBoardTitle } from '../ui/TopBar.tsx'
import { useShortcuts } from '../ui/useShortcuts.ts'
import { ZoomControls } from '../ui/ZoomControls.tsx'
import { takeAccess } from './earlyOpen.ts'
import { useBoard } from './useBoard.ts'

// The notes panel brings a rich-text editor: loaded once the board is drawn, not with it (and
// then kept by the service worker for offline use).
const loadNotesPanel = () => import('../notes/NotesPanel.tsx')
const NotesPanel = lazy(() => loadNotesPanel().then((m) => ({ default: m.NotesPanel })))

export function BoardPage({ boardId }: { boardId: string }) {
  const [access] = useState(() => takeAccess(boardId))
  if (!access) {
    return <Notice title={t('link-missing-title')} text={t('link-missing-text')} />
  }
  return <OpenBoardPage boardId={boardId} token={access.token} role={access.role} />
}

function OpenBoardPage({ boardId, token, role }: { boardId: string; token: string; role: Role }) {
  const [name, setName] = useState(() => userName())
  // A projector (viewer link) shows the board on a wall: nobody there to type a name.
  const [askName, setAskName] = useState(() => role !== 'viewer' && userName() === '')
  const [sharing, setSharing] = useState(false)
  const [exporting, setExporting] = useState(false)
  const displayName = name || t('guest-name', userId().slice(0, 4))
  const open = useBoard(boardId, token, role, displayName)
  useShortcuts(open?.editor ?? null)
  if (!open) return <div className="loading">{t('loading')}</div>
  const saveName = (n: string) => {
    setUserName(n)
    setName(n)
    setAskName(false)
  }
  return (
    <>
      <BoardView
        editor={open.editor}
        tools={open.tools}
        boardId={boardId}
        onShare={() => setSharing(true)}
        onRename={() => setAskName(true)}
        onExport={() => setExporting(true)}
      />
      {askName && (
        <NameDialog
          initial={name}
          onSave={saveName}
          onClose={name ? () => setAskName(false) : undefined}
        />
      )}
      {sharing && (
        <ShareDialog
          editor={open.editor}
          boardId={boardId}
          token={token}
          onClose={() => setSharing(false)}
        />
      )}
      {exporting && (
        <ExportDialog
          editor={open.editor}
          boardId={boardId}
          token={token}
          onClose={() => setExporting(false)}
        />
      )}
    </>
  )
}

function BoardView({
  editor,
  tools,
  boardId,
  onShare,
  onRename,
  onExport,
}: {
  editor: Editor
  tools: Tools
  boardId: string
  onShare: () => void
  onRename: () => void
  onExport: () => void
}) {
  const [notesOpen, setNotesOpen] = useState(false)
  const status = useSessionStatus(editor.session)
  // A past version shown in the board's place leaves the board read-only until "Back to now".
  const version = useOpenVersion(editor)
  const readOnly =
    Boolean(version) || status.readOnly || status.newerSchema || status.connection === 'invalid'
  const title = useBoardTitle(editor)
  useEffect(() => {
    if (title) {
      updateRecentTitle(boardId, title)
      document.title = t('page-title-board', title)
    }
  }, [boardId, title])
  useFirstView(editor)
  useEffect(() => {
    if (!status.loaded) return undefined
    return whenIdle(() => void loadNotesPanel(), 5000)
  }, [status.loaded])

  if (status.connection === 'invalid') {
    return <Notice title={t('link-invalid-title')} text={t('link-invalid-text')} />
  }
  return (
    <div
      className={`board-page ${readOnly ? 'board-page--read-only' : ''} ${version ? 'board-page--version' : ''}`}
    >
      <TopBar
        editor={editor}
        readOnly={readOnly}
        onShare={onShare}
        onRename={onRename}
        onExport={onExport}
        notesOpen={notesOpen}
        onToggleNotes={() => setNotesOpen((o) => !o)}
      />
      {status.readOnly && editor.user.role !== 'viewer' && (
        <div className="banner" role="alert">
          {t('read-only-refused')}
        </div>
      )}
      <ActionNotice editor={editor} />
      {version && <VersionBanner live={editor} open={version} />}
      {status.newerSchema && (
        <div className="banner" role="alert">
          {t('newer-schema')}
        </div>
      )}
      <main className="board-main" onScroll={pinScroll}>
        {version ? (
          <VersionCanvas open={version} />
        ) : (
          <>
            <BoardCanvas editor={editor} tools={tools} readOnly={readOnly} />
            <TextEditor editor={editor} />
            <ContextMenu editor={editor} />
            <Toolbar editor={editor} readOnly={readOnly} />
            {!readOnly && <ColorPalette editor={editor} />}
            {!readOnly && <Inspector editor={editor} />}
            {!readOnly && <ImageDrop editor={editor} />}
            <Navigator editor={editor} readOnly={readOnly} />
            <ZoomControls editor={editor} />
          </>
        )}
        <FacilitationLayer editor={editor} boardId={boardId} />
        <RemoteLayer editor={editor} boardId={boardId} readOnly={readOnly} />
        {notesOpen && (
          <Suspense fallback={null}>
            <NotesPanel editor={editor} readOnly={readOnly} onClose={() => setNotesOpen(false)} />
          </Suspense>
        )}
      </main>
    </div>
  )
}

/**
 * The board area never scrolls (the camera moves instead), but the browser scrolls even a hidden
 * overflow to keep a caret in view when in-place text reaches past the edge: undo that.
 */
function pinScroll(e: UIEvent<HTMLElement>) {
  e.currentTarget.scrollTo(0, 0)
}

/**
 * When the board first loads: show all of it, or put the origin in the middle when empty. Set as
 * the board arrives (in the same task, by subscription rather than an effect after a render), so
 * that the first render with the board is already the fitted one.
 */
function useFirstView(editor: Editor) {
  useEffect(() => {
    let done = false
    const fitOnce = () => {
      if (done || !editor.session.status.get().loaded || editor.view.get().size.width <= 1) return
      done = true
      showWholeBoard(editor)
    }
    const stops = [editor.session.status.subscribe(fitOnce), editor.view.subscribe(fitOnce)]
    fitOnce()
    return () => stops.forEach((stop) => stop())
  }, [editor])
}

/** Zoom to fit, but never beyond 100%: a small board stays at its natural size. */
function showWholeBoard(editor: Editor) {
  editor.run(zoomToFit, undefined)
  if (editor.items.all().length > 0 && editor.view.get().camera.scale > 1) {
    const { size } = editor.view.get()
    const cam = editor.view.get().camera
    const k = 1 / cam.scale
    editor.setCamera({
      scale: 1,
      x: size.width / 2 - (size.width / 2 - cam.x) * k,
      y: size.height / 2 - (size.height / 2 - cam.y) * k,
    })
  }
}

export function Notice({ title, text }: { title: string; text: string }) {
  return (
    <div className="notice-page">
      <div className="notice-card" role="alert" data-testid="notice">
        <h1>{title}</h1>
        <p>{text}</p>
        <a className="button" href="/">
          {t('go-start')}
        </a>
      </div>
    </div>
  )
}
