/**
 * The services' own idle lock, behind the screen's: the screen locks after `lockAfterMinutes` without
 * mouse or keyboard, but a screen whose timers stop (a browser tab in the background is throttled, a
 * hung renderer, a second tab left open) would stay unlocked. So the services lock too, counting only
 * the clerk's input that the screen reports (`noteActivity`), never the screen's own polling.
 */
export const SERVICE_IDLE = {
  /** how often the screen reports input at most: one call a minute is nothing, and bounds the lag below */
  reportEveryMs: 60_000,
  /** added to `lockAfterMinutes` before the services lock: the report interval plus slack, so the screen's own lock comes first */
  graceMs: 90_000,
} as const;
