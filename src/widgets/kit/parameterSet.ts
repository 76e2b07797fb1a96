// Client side of a widget whose nine parameters come from a preset select plus ParameterFields:
// the exact values (the fields show them rounded to 4 decimals, and a training step must not
// round them), the preset they started from, and whether the reader has changed them since.
import { PARAMETER_NAMES, type ParameterName, type Parameters } from '../../trainer/parameters';
import type { NumberControl } from './controls';
import { writeParameters } from './parameters';
import { presetParameters } from '../../trainer/presets';
import { parsePreset, startingParameters, type ParameterPreset, type StartingPoint } from './parameterPresets';

/** The select's option shown once the values are no longer a preset's. */
export const CUSTOM = 'custom';

export class ParameterSet {
  /** The exact current values, layout order W1…B3. */
  params: Parameters;
  start: ParameterPreset;
  /** Whether the values differ from the preset's (edited, or moved by training). */
  custom: boolean;

  constructor(
    point: StartingPoint,
    private readonly fields: Record<string, NumberControl>,
    private readonly select: HTMLSelectElement | null,
  ) {
    this.params = startingParameters(point);
    this.start = point.start;
    this.custom = Object.keys(point.values).length > 0;
    this.show();
  }

  /** A parameter field changed. False if `name` is not one of the nine. */
  set(name: string, value: number): boolean {
    const j = PARAMETER_NAMES.indexOf(name as ParameterName);
    if (j < 0) return false;
    this.params[j] = value;
    this.custom = true;
    if (this.select) this.select.value = CUSTOM;
    return true;
  }

  /** The preset select changed. False (nothing changes) for an unknown preset. */
  load(text: string): boolean {
    const preset = parsePreset(text);
    if (!preset) return false;
    this.start = preset;
    this.custom = false;
    this.params = presetParameters(preset);
    this.show();
    return true;
  }

  /** New values from the widget itself (e.g. a gradient-descent step). */
  replace(params: ArrayLike<number>): void {
    this.params = Float64Array.from(params);
    this.custom = true;
    this.show();
  }

  /** Where the values come from, for the widget's config and a shared link. */
  point(): StartingPoint {
    const values: StartingPoint['values'] = {};
    if (this.custom) PARAMETER_NAMES.forEach((name, j) => (values[name] = this.params[j]));
    return { start: this.start, values };
  }

  /** Shows the values in the fields and the preset (or "custom") in the select. */
  show(): void {
    writeParameters(this.fields, this.params);
    if (this.select) this.select.value = this.custom ? CUSTOM : this.start;
  }
}
