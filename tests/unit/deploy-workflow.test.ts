// The GitHub Pages workflow cannot run here; what can be checked is that it is valid YAML with
// the structure Pages needs: build with Node 20 and npm ci, upload dist/, deploy with the rights.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; id?: string }
interface Job { 'runs-on': string; steps: Step[]; needs?: string; environment?: { name: string } }
const workflow = parse(readFileSync(new URL('../../.github/workflows/pages.yml', import.meta.url), 'utf8')) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};

describe('the GitHub Pages workflow', () => {
  it('runs on a push to main and by hand', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect('workflow_dispatch' in workflow.on).toBe(true);
  });

  it('has the rights Pages deployment asks for', () => {
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  it('builds with Node 20 from the lock file and uploads dist/', () => {
    const steps = workflow.jobs.build.steps;
    const uses = steps.map((s) => s.uses ?? '');
    expect(uses).toContain('actions/checkout@v4');
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(20);
    const runs = steps.map((s) => s.run ?? '');
    expect(runs.indexOf('npm ci')).toBeGreaterThanOrEqual(0);
    expect(runs.indexOf('npm run build')).toBeGreaterThan(runs.indexOf('npm ci'));
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))?.with?.path).toBe('dist');
  });

  it('deploys after the build, to the github-pages environment', () => {
    const deploy = workflow.jobs.deploy;
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.some((s) => s.uses?.startsWith('actions/deploy-pages'))).toBe(true);
  });
});
