/**
 * The shared countdown as pure functions of its state and the server's time. Each returns a new
 * state; the caller writes it to the document.
 */
import type { TimerState } from '../schema/facilitation.ts'

export function remainingMs(timer: TimerState, serverNow: number): number {
  // Never more than was left when it last started: a clock a little behind the one that started
  // it would otherwise show 25:01 of a 25-minute part.
  if (timer.state === 'running' && timer.endsAt !== null) {
    const left = Math.max(0, timer.endsAt - serverNow)
    return timer.remainingMs > 0 ? Math.min(timer.remainingMs, left) : left
  }
  return timer.remainingMs
}

export const isFinished = (timer: TimerState, serverNow: number): boolean =>
  timer.state === 'running' && remainingMs(timer, serverNow) === 0

export function startTimer(timer: TimerState, serverNow: number): TimerState {
  if (timer.state === 'running') return timer
  const left = timer.remainingMs > 0 ? timer.remainingMs : timer.durationMs
  return { ...timer, state: 'running', endsAt: serverNow + left, remainingMs: left }
}

export function pauseTimer(timer: TimerState, serverNow: number): TimerState {
  if (timer.state !== 'running') return timer
  return { ...timer, state: 'paused', endsAt: null, remainingMs: remainingMs(timer, serverNow) }
}

/** Adds time (or takes it away, never below zero), whether running or not. */
export function extendTimer(timer: TimerState, deltaMs: number, serverNow: number): TimerState {
  const left = Math.max(0, remainingMs(timer, serverNow) + deltaMs)
  const durationMs = Math.max(0, timer.durationMs + deltaMs)
  if (timer.state === 'running')
    return { ...timer, durationMs, endsAt: serverNow + left, remainingMs: left }
  return { ...timer, durationMs, remainingMs: left }
}

export function resetTimer(timer: TimerState, durationMs = timer.durationMs): TimerState {
  return { state: 'stopped', durationMs, endsAt: null, remainingMs: durationMs }
}

/** "12:05" or "1:02:03" for a countdown display. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const mm = h ? String(m).padStart(2, '0') : String(m)
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`
}
