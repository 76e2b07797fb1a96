import { COLOURS, NEUTRALS } from '../kit/palette';
// The plateau figures' colours and dash: the fixed run blue and solid, the schedule's orange and
// dashed (a second cue besides colour), from the Okabe–Ito palette's CSS variables.
export const FIXED_COLOR = COLOURS.blue;
export const PLATEAU_COLOR = COLOURS.vermillion;
export const PLATEAU_DASH = '7 4';
export const MUTED = NEUTRALS.muted;
