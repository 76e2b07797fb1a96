// Where an assignment exercise's experiment opens, as a path under the site's base: the
// widget's link with the student's seeds, locked. Pure.
import { shareUrl } from '../link';
import type { ExerciseLink } from './exercises';

// shareUrl works on absolute addresses; these are site paths (.invalid can never be a real host).
const PLACEHOLDER_ORIGIN = 'https://nine-parameters.invalid';

/** The page of a lesson id, or of the playground. */
export const pageOf = (lesson: string) => (lesson === 'playground' ? 'playground/' : `lessons/${lesson}/`);

/** The link, under `base` ('/' or '/course/'). */
export function exerciseHref(link: ExerciseLink, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const url = shareUrl(PLACEHOLDER_ORIGIN + root + pageOf(link.lesson), link.shareKey, new URLSearchParams(link.settings), { locked: link.lock }, `widget-${link.shareKey}`);
  return url.slice(PLACEHOLDER_ORIGIN.length);
}
