import { describe, expect, it, vi } from 'vitest';
import { plateauComparisonSettings, type PlateauConfig } from '../../../src/experiments/plateau/comparison-settings';
import { PairRunner } from '../../../src/widgets/plateau/pair-runner';
import type { StatusLine } from '../../../src/widgets/kit/controls';

// The runner draws into its element's panels; an element without any leaves only its own state
// to read: what show() resolves to and how many trainings finished (data-trained).
function runner() {
  vi.stubGlobal('requestAnimationFrame', (draw: () => void) => setTimeout(draw, 0));
  const element = { dataset: {} as Record<string, string>, querySelector: () => null, querySelectorAll: () => [] };
  const problems: (string | null)[] = [];
  const status = { problem: (_key: string, message: string | null) => problems.push(message) } as unknown as StatusLine;
  const pair = new PairRunner({ element: element as unknown as HTMLElement, status, say: () => {}, trained: () => {} });
  return { pair, trained: () => Number(element.dataset.trained ?? 0), problems };
}

const config = (changes: Partial<PlateauConfig> = {}): PlateauConfig => ({ ...plateauComparisonSettings.defaults, epochs: 200, ...changes });

describe('the plateau widget’s pair of runs', () => {
  it('says it has shown a setting only once both runs are trained to their last epoch', async () => {
    const { pair, trained } = runner();
    const shown = pair.show(config());
    expect(trained()).toBe(0);
    expect(await shown).toBe(true);
    expect(trained()).toBe(1);
  });

  it('says a run dropped for a newer setting was not shown, and the newer one was', async () => {
    const { pair, trained } = runner();
    // Long enough not to finish in the scheduler's first slice, before the newer one is asked for.
    const older = pair.show(config({ initSeed: 3, epochs: 30_000 }));
    const newer = pair.show(config({ initSeed: 4 }));
    expect(await older).toBe(false);
    expect(await newer).toBe(true);
    expect(trained()).toBe(1);
  });

  it('waits for the pair under way when a setting outside the pair changes, without training it again', async () => {
    const { pair, trained } = runner();
    const first = pair.show(config({ seeds: 30 }));
    const sameRuns = pair.show(config({ seeds: 50 }));
    expect(await Promise.all([first, sameRuns])).toEqual([true, true]);
    expect(trained()).toBe(1);
    expect(await pair.show(config({ seeds: 60 }))).toBe(true);
    expect(trained()).toBe(1);
  });

  it('says the server-drawn pair is shown without training it', async () => {
    const { pair, trained } = runner();
    pair.drawn(config());
    expect(await pair.show(config())).toBe(true);
    expect(trained()).toBe(0);
  });

  it('says a pair the trainer refuses was not shown, and names the problem', async () => {
    const { pair, trained, problems } = runner();
    expect(await pair.show(config({ learningRate: Number.NaN }))).toBe(false);
    expect(trained()).toBe(0);
    expect(problems.some((p) => p !== null)).toBe(true);
  });
});
