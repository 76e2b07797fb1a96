// The plateau figures' colours and dash: the fixed run blue and solid, the schedule's orange and
// dashed (a second cue besides colour), from the Okabe–Ito palette's CSS variables.
export const FIXED_COLOR = 'var(--c-blue, #0072b2)';
export const PLATEAU_COLOR = 'var(--c-vermillion, #d55e00)';
export const PLATEAU_DASH = '7 4';
export const MUTED = 'var(--muted, #555)';
