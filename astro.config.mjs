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
import contentSecurityPolicy from './src/integrations/csp.ts';
// Each lesson also exports its exercises as data, for the teachers' printable answer key.
import exerciseExport from './src/integrations/exercise-export.ts';

export default defineConfig({
  output: 'static',
  // BASE_PATH=/course/ builds the site for https://host/course/.
  base: normaliseBase(process.env.BASE_PATH),
  // SITE_URL=https://school.example gives the printed worksheets' QR codes whole addresses (without
  // it they hold each link from the site's root, since the host is not known when building).
  site: process.env.SITE_URL || undefined,
  trailingSlash: 'always',
  // csp before offline: the service worker's version hashes the final pages.
  integrations: [mdx({ remarkPlugins: [remarkMath, exerciseExport] }), contentSecurityPolicy(), offline()],
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
  vite: { worker: { format: 'es' } },
});
