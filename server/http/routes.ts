/**
 * Every HTTP route of the server, in one table. Add a route by adding a line here and a file
 * beside this one.
 */
import type { Route } from './context.ts'
import { createBoardRoute } from './create-board.ts'
import { exportBoardRoute } from './export-board.ts'
import { healthz } from './healthz.ts'
import { importBoardRoute } from './import-board.ts'
import { activityRoute } from './activity.ts'
import { getVersionRoute } from './version-get.ts'
import { restoreVersionRoute } from './version-restore.ts'
import { createVersionRoute } from './versions-create.ts'
import { listVersionsRoute } from './versions-list.ts'
import { listLinksRoute, rotateLinkRoute, setLinkExpiryRoute } from './links.ts'

export const routes: Route[] = [
  { method: 'GET', path: '/healthz', handler: healthz },
  { method: 'POST', path: '/api/boards', handler: createBoardRoute },
  { method: 'GET', path: '/api/boards/:id/export', handler: exportBoardRoute },
  { method: 'POST', path: '/api/boards/:id/import', handler: importBoardRoute },
  { method: 'POST', path: '/api/boards/:id/versions', handler: createVersionRoute },
  { method: 'GET', path: '/api/boards/:id/versions', handler: listVersionsRoute },
  { method: 'GET', path: '/api/boards/:id/versions/:vid', handler: getVersionRoute },
  { method: 'POST', path: '/api/boards/:id/versions/:vid/restore', handler: restoreVersionRoute },
  { method: 'GET', path: '/api/boards/:id/activity', handler: activityRoute },
  { method: 'GET', path: '/api/boards/:id/links', handler: listLinksRoute },
  { method: 'POST', path: '/api/boards/:id/links/:role/rotate', handler: rotateLinkRoute },
  { method: 'PUT', path: '/api/boards/:id/links/:role', handler: setLinkExpiryRoute },
]
