// A Content-Security-Policy for every built page, as a <meta> tag (static hosting has no
// headers we control). Scripts and style elements are allowed only from our own origin or by
// the SHA-256 hash of their exact inline text, so injected markup could not run. Inline
// style *attributes* stay allowed (style-src-attr): KaTeX positions every glyph with them.
// Astro's experimental CSP cannot express style-src-attr, hence this small pass of our own.
import { createHash } from 'node:crypto';

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// The search page (and it alone) runs Pagefind's WebAssembly, which a policy with script-src must
// allow by 'wasm-unsafe-eval': compiling WebAssembly, not evaluating strings as JavaScript.
const SEARCH_PAGE = /<meta name="np-search-page"/;

/** The policy for a page, given the exact text of its inline scripts and styles. */
export function policyFor(html: string): string {
  const scripts = [...new Set([...html.matchAll(INLINE_SCRIPT)].map((m) => sha256(m[1])))];
  if (SEARCH_PAGE.test(html)) scripts.push("'wasm-unsafe-eval'");
  const styles = [...new Set([...html.matchAll(INLINE_STYLE)].map((m) => sha256(m[1])))];
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scripts].join(' '),
    ["style-src 'self'", ...styles].join(' '),
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // The header's search box sends its words to the site's own search page (a GET form).
    "form-action 'self'",
  ].join('; ');
}

/** Inserts the policy right after <meta charset>, before anything it governs. */
export function withPolicy(html: string): string {
  if (html.includes('http-equiv="content-security-policy"')) return html;
  const tag = `<meta http-equiv="content-security-policy" content="${policyFor(html)}">`;
  const charset = html.match(/<meta charset="[^"]*"\s*\/?>/i);
  if (charset?.index !== undefined) {
    const at = charset.index + charset[0].length;
    return html.slice(0, at) + tag + html.slice(at);
  }
  return html.replace(/<head([^>]*)>/i, `<head$1>${tag}`);
}
