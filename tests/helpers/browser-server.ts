/**
 * One Chromium for the whole e2e run (vitest globalSetup of the e2e project): each test file
 * connects to it (useSite in ./e2e.ts) instead of launching its own, which saved a launch per file.
 * Files still get fresh browser contexts for every page. Without Chromium nothing is provided,
 * and useSite's own launch explains what to install.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, chromiumPath } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** WebSocket endpoint of the run's shared Chromium ('' when there is none). */
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(chromiumPath())) {
    project.provide('chromiumEndpoint', '');
    return async () => undefined;
  }
  const server = await chromium.launchServer({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
