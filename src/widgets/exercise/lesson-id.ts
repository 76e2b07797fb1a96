// The lesson an exercise belongs to, from the page's path (…/lessons/<id>/), so exercise ids
// only need to be unique within their lesson.
export function lessonIdFromPath(pathname: string): string {
  const parts = pathname.split('/').filter(Boolean);
  const at = parts.lastIndexOf('lessons');
  return at >= 0 && parts[at + 1] ? parts[at + 1] : parts[parts.length - 1] ?? 'page';
}
