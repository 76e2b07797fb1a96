// Widget-only pages (src/pages/embed/[lesson].astro) render a lesson whole and keep only its
// widgets: each widget is one custom element named for links (<np-… id="widget-<key>">), so the
// rendered lesson can be cut at those elements, with the scripts that bring them to life. The
// lesson stays the one place a widget's props are written; nothing is listed twice.

export interface EmbeddedWidget {
  /** The share key (the element's id is widget-<key>). */
  key: string;
  /** The element's full markup, as the lesson renders it. */
  html: string;
}

const WIDGET_START = /<(np-[a-z0-9-]+)\b[^>]*\sid="widget-([A-Za-z0-9_-]+)"[^>]*>/g;
const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script>/gi;

/** Where the element opened at `start` (tag `tag`) closes, counting nested elements of the same tag. */
function closingEnd(html: string, tag: string, start: number): number {
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  tags.lastIndex = start;
  let depth = 0;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  throw new Error(`<${tag}> opened at ${start} never closes`);
}

/** The top-level widgets of a rendered lesson, in reading order (a widget inside another is part of it). */
export function widgetsIn(html: string): EmbeddedWidget[] {
  const widgets: EmbeddedWidget[] = [];
  let after = 0;
  for (const m of html.matchAll(WIDGET_START)) {
    if (m.index < after) continue;
    after = closingEnd(html, m[1], m.index);
    widgets.push({ key: m[2], html: html.slice(m.index, after) });
  }
  return widgets;
}

/** Every <script> of the rendered lesson (the widgets' loaders; a loader whose element is absent does nothing). */
export function scriptsIn(html: string): string[] {
  return [...html.matchAll(SCRIPT)].map((m) => m[0]);
}

/** The embed page of a lesson's widget, with the settings of a share link (its query) and the widget as target. */
export function embedUrl(embedPage: string, shareLink: string, key: string): string {
  const page = new URL(embedPage);
  page.search = new URL(shareLink).search;
  page.hash = `widget-${key}`;
  return page.href;
}

/** The snippet a teacher pastes into a platform's HTML editor. */
export function embedSnippet(url: string, title: string, height = 720): string {
  const escaped = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return `<iframe src="${escaped(url)}" title="${escaped(title)}" width="100%" height="${height}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}

/** The message an embedded page sends its parent when its height changes. */
export const HEIGHT_MESSAGE = 'nine-parameters:height';

/**
 * What the page around an embedded widget adds once (after its iframes) to fit each frame to
 * its content; the teachers' guide prints it. Without it a frame keeps the snippet's height.
 */
export const HEIGHT_LISTENER = `<script>
addEventListener('message', function (event) {
  if (!event.data || event.data.type !== '${HEIGHT_MESSAGE}') return;
  document.querySelectorAll('iframe').forEach(function (frame) {
    if (frame.contentWindow === event.source) frame.style.height = event.data.height + 'px';
  });
});
</script>`;
