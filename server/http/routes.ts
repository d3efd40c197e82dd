/**
 * Every HTTP route of the server, in one table. Add a route by adding a line here and a file
 * beside this one.
 */
import type { Route } from './context.ts'
import { createBoardRoute } from './create-board.ts'
import { exportBoardRoute } from './export-board.ts'
import { healthz } from './healthz.ts'
import { importBoardRoute } from './import-board.ts'

export const routes: Route[] = [
  { method: 'GET', path: '/healthz', handler: healthz },
  { method: 'POST', path: '/api/boards', handler: createBoardRoute },
  { method: 'GET', path: '/api/boards/:id/export', handler: exportBoardRoute },
  { method: 'POST', path: '/api/boards/:id/import', handler: importBoardRoute },
]
