/** The end-of-timer cue: a short beep made with WebAudio, so no sound file comes from anywhere. */
let context: AudioContext | null = null

export function beep(times = 3): void {
  try {
    context ??= new AudioContext()
    const ctx = context
    for (let i = 0; i < times; i++) {
      const start = ctx.currentTime + i * 0.35
      const osc = ctx.createOscillator()
      const gain = ctx.createGain()
      osc.frequency.value = 880
      gain.gain.setValueAtTime(0.0001, start)
      gain.gain.exponentialRampToValueAtTime(0.3, start + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.25)
      osc.connect(gain).connect(ctx.destination)
      osc.start(start)
      osc.stop(start + 0.3)
    }
  } catch {
    // No audio (autoplay policy, no device): the visual cue is still there.
  }
}
