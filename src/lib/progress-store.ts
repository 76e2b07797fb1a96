// The browser side of progress.ts. localStorage can be missing or refuse writes (private
// windows, strict school settings): then progress simply is not kept, and nothing breaks.
import { emptyProgress, parseProgress, PROGRESS_KEY, type Progress } from './progress';

export function loadProgress(): Progress {
  try {
    return parseProgress(globalThis.localStorage?.getItem(PROGRESS_KEY));
  } catch {
    return emptyProgress();
  }
}

export function saveProgress(progress: Progress): boolean {
  try {
    globalThis.localStorage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

export function clearProgress(): void {
  try {
    globalThis.localStorage?.removeItem(PROGRESS_KEY);
  } catch {
    // nothing stored, nothing to clear
  }
}
