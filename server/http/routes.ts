/**
 * Every HTTP route of the server, in one table. Add a route by adding a line here and a file
 * beside this one.
 */
import type { Route } from './context.ts'
import { createBoardRoute } from './create-board.ts'
import { healthz } from './healthz.ts'

export const routes: Route[] = [
  { method: 'GET', path: '/healthz', handler: healthz },
  { method: 'POST', path: '/api/boards', handler: createBoardRoute },
  // To come (their own files): GET /api/boards/:id/export and POST /api/boards/:id/import.
  // They check the Bearer token with verifyToken (auth/tokens.ts), and read or change the live
  // document through app.rooms.withRoom(id, (room) => ...) so connected clients see imports.
]
