// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { normaliseBase } from './src/lib/url.ts';
// KaTeX renders at build time; the browser never loads KaTeX's script. rehype-katex does not
// fail the build on broken TeX (it emits .katex-error), so a test checks the built pages.
import { katexOptions } from './src/lib/katex-options.ts';
import offline from './src/integrations/offline.ts';
import relativeUrls from './src/integrations/relative.ts';
import katexPreload from './src/integrations/katex-preload.ts';
import contentSecurityPolicy from './src/integrations/csp.ts';
// Each lesson also exports its exercises as data, for the teachers' printable answer key.
import exerciseExport from './src/integrations/exercise-export.ts';
import searchIndex from './src/integrations/search-index.ts';

export default defineConfig({
  output: 'static',
  // Every page's URLs are made relative after the build (src/integrations/relative.ts), so the
  // same dist/ works in any folder; BASE_PATH=/course/ only matters to 404.html, the one page a
  // host serves at any depth, whose links must start from the site's root.
  base: normaliseBase(process.env.BASE_PATH),
  // SITE_URL=https://school.example gives the printed worksheets' QR codes whole addresses (without
  // it they hold each link from the site's root, since the host is not known when building).
  site: process.env.SITE_URL || undefined,
  trailingSlash: 'always',
  // relative URLs first, the KaTeX faces each page uses preloaded, then csp (hashes the final
  // inline code), the search index (reads the final pages), then offline (hashes and precaches
  // the final files, the index among them).
  integrations: [mdx({ remarkPlugins: [remarkMath, exerciseExport] }), relativeUrls(), katexPreload(), contentSecurityPolicy(), searchIndex(), offline()],
  markdown: {
    remarkPlugins: [remarkMath],
    rehypePlugins: [[rehypeKatex, katexOptions]],
    // Code listings (lesson 16) in GitHub's high-contrast pair: the default theme's grey comments
    // fail WCAG AA contrast. global.css switches to the dark colours with the reader's scheme.
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } },
  },
  // Nothing on the site may reach another origin; prefetch only ever targets our own
  // pages, but it is off so no request happens that the reader did not ask for.
  prefetch: false,
  devToolbar: { enabled: false },
  // Sweep workers import the trainer as modules (new Worker(new URL(…), { type: 'module' })).
  vite: {
    worker: { format: 'es' },
    // Fonts stay files, never data: URLs (Vite inlines files under 4 KB, KaTeX_Size3 among them):
    // a file can be preloaded with the page (src/integrations/katex-faces.ts), an inlined face is
    // decoded only after the first layout and lays the whole page out again when it arrives.
    build: { assetsInlineLimit: (file) => (file.endsWith('.woff2') || file.endsWith('.woff') || file.endsWith('.ttf') ? false : undefined) },
    // Client scripts name other files (chunks to preload, workers) relative to import.meta.url
    // rather than from the root, so they load from whatever folder the site was copied to.
    experimental: {
      renderBuiltUrl: (_file, { hostType, ssr }) => (hostType === 'js' && !ssr ? { relative: true } : undefined),
    },
  },
});
