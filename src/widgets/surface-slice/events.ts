// The slice's change event on its own, so a page can listen for it without loading the slice's
// script (the playground starts the slice only when it comes near the screen).

/** Fired (bubbling) when the reader changes the slice's settings, so a page can keep its link current. */
export const SLICE_CHANGE_EVENT = 'np-slice-change';
