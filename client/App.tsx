import { useSyncExternalStore } from 'react'
import { BoardPage, Notice } from './board/BoardPage.tsx'
import { t } from './i18n/i18n.ts'
import { parseRoute, subscribeLocation } from './lib/route.ts'
import { StartPage } from './start/StartPage.tsx'

export function App() {
  const path = useSyncExternalStore(subscribeLocation, () => location.pathname)
  const route = parseRoute(path)
  switch (route.page) {
    case 'start':
      return <StartPage />
    case 'board':
      return <BoardPage key={route.boardId} boardId={route.boardId} />
    default:
      return <Notice title={t('not-found-title')} text={t('not-found-text')} />
  }
}
