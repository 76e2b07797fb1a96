// Lesson 1's prose makes claims about its computed numbers; these tests keep them true.
import { describe, expect, it } from 'vitest';
import { theData } from '../../../src/facts/the-data';
import { linearFit, makeDataset } from '../../../src/trainer';

describe('lesson 1: the data', () => {
  it('works the first sample so that its rounded pieces add up to the rounded total', () => {
    const { x1Squared, x2, noise, y, decimals } = theData.first;
    const num = (s: string) => Number(s.replace('−', '-'));
    expect((num(x1Squared) + num(x2) + num(noise)).toFixed(decimals)).toBe(num(y).toFixed(decimals));
  });

  it('has a bend that carries most of the variance, as the prose says', () => {
    expect(theData.exact.shareX1Squared).toBeGreaterThan(0.5);
  });

  it('gives the best plane a practically zero x1 slope and well under half of the pattern', () => {
    expect(Math.abs(theData.exact.slopeX1)).toBeLessThan(0.05);
    expect(theData.exact.linearR2).toBeGreaterThan(0.2);
    expect(theData.exact.linearR2).toBeLessThan(0.5);
  });

  it('shows min-max data whose mean predictor already scores "around 0.05"', () => {
    expect(theData.exact.minmaxVarY).toBeGreaterThan(0.04);
    expect(theData.exact.minmaxVarY).toBeLessThan(0.06);
    expect(theData.zscore.varY).toBe('1.000');
  });

  it('answers the try-this prompts the way the lesson hints', () => {
    // Without noise the plane is barely better: the bend, not the noise, limits it.
    expect(linearFit(makeDataset({ noiseRange: [0, 0] })).loss).toBeGreaterThan(0.5);
    // A one-sided parabola is almost a plane.
    expect(theData.exact.oneSidedR2).toBeGreaterThan(0.9);
  });

  it('backs the exercises: the noise-free plane barely improves, and 0.05 on min-max data means R² near 0', () => {
    expect(theData.exact.linearLoss - theData.exact.noiseFreeLinearLoss).toBeLessThan(0.05);
    expect(Math.abs(1 - 0.05 / theData.exact.minmaxVarY)).toBeLessThan(0.1);
    const byHand = (Number(theData.first.x1.replace('−', '-')) - Number(theData.raw.meanX1)) / Number(theData.raw.stdX1);
    expect(Math.abs(byHand - theData.exact.x1Scaled)).toBeLessThan(0.011);
  });
});
