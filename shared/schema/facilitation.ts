import { z } from 'zod'
import { idSchema, shortText, timestamp } from './common.ts'

/**
 * Facilitation state: the agenda, the shared timer and the current phase. Only facilitator
 * connections may change it; the server refuses anyone else's update that touches it.
 */
export const AGENDA_PART_KINDS = ['breakouts', 'break', 'discussion', 'wrap-up', 'other'] as const

export const agendaPartSchema = z.object({
  id: idSchema,
  title: shortText(200),
  kind: z.enum(AGENDA_PART_KINDS),
  minutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
})
export type AgendaPart = z.infer<typeof agendaPartSchema>

/**
 * The shared countdown. Times are the server's clock (ms since the epoch), so every client shows
 * the same remaining time whatever its own clock says.
 */
export const timerSchema = z.object({
  state: z.enum(['stopped', 'running', 'paused']),
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600_000),
  /** When a running timer reaches zero. */
  endsAt: timestamp.nullable(),
  /** What is left while stopped or paused. */
  remainingMs: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600_000),
})
export type TimerState = z.infer<typeof timerSchema>

/** An asynchronous phase such as writing or voting, with an optional deadline. */
export const phaseSchema = z.object({
  kind: z.enum(['none', 'writing', 'voting']),
  deadline: timestamp.nullable(),
  /** Private writing: new post-its are seen only by their authors until the reveal. */
  private: z.boolean(),
  frameId: idSchema.nullable(),
})
export type Phase = z.infer<typeof phaseSchema>

/**
 * "Bring everyone here": the facilitator's view that followers jump to. `at` (server time) makes
 * each call a new one; `frameId` limits it to the people on that poster (null: everyone).
 */
export const focusSchema = z.object({
  at: timestamp,
  x: z.number().finite(),
  y: z.number().finite(),
  w: z.number().finite().positive(),
  frameId: idSchema.nullable(),
})
export type Focus = z.infer<typeof focusSchema>

export const facilitationSchema = z.object({
  agenda: z.array(agendaPartSchema).max(50),
  currentPartId: idSchema.nullable(),
  timer: timerSchema,
  phase: phaseSchema,
  focus: focusSchema.nullable(),
})
export type Facilitation = z.infer<typeof facilitationSchema>

export const facilitationDefaults = (): Facilitation => ({
  agenda: [],
  currentPartId: null,
  timer: { state: 'stopped', durationMs: 10 * 60_000, endsAt: null, remainingMs: 10 * 60_000 },
  phase: { kind: 'none', deadline: null, private: false, frameId: null },
  focus: null,
})
