// The loss-surface slice's settings: which two parameters span the picture and how far the
// window reaches either side of the current point. The parameters are named by their role in
// the network, so a choice survives a change of width: W1…B3 as in the course (W5 is always the
// weight h1 → ŷ, B3 always the output's bias), and x1h5 / x2h5 / h5y / bh5 for units past the
// second. DOM-free: the playground's page checks a link's slice settings with it too.
import { MAX_HIDDEN, parameterConnection, parameterCount, parameterName, PARAMETER_NAMES } from '../../trainer/parameters';
import { customField, numberField } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';
import { clipText } from '../settings/source';

/** A parameter by its place in a 2-H-1 network; `unit` counts hidden units from 1 (0 for the output bias). */
export interface ParameterRole {
  kind: 'x1' | 'x2' | 'out' | 'bias' | 'outBias';
  unit: number;
}

const KINDS: readonly ParameterRole['kind'][] = ['x1', 'x2', 'out', 'bias'];

/** The parameter's index in the layout of a network with `hidden` units, or −1 if it has no such unit. */
export function roleIndex(role: ParameterRole, hidden: number): number {
  if (role.kind === 'outBias') return 4 * hidden;
  if (role.unit < 1 || role.unit > hidden) return -1;
  return KINDS.indexOf(role.kind) * hidden + role.unit - 1;
}

/** The role of parameter `index` in a network with `hidden` units. */
export function roleAt(index: number, hidden: number): ParameterRole {
  if (index === 4 * hidden) return { kind: 'outBias', unit: 0 };
  return { kind: KINDS[Math.floor(index / hidden)], unit: (index % hidden) + 1 };
}

/** The role's name in a link: the course's W1…B3 where they exist, x1h5, x2h5, h5y, bh5 past the second unit. */
export function roleToken(role: ParameterRole): string {
  if (role.kind === 'outBias' || role.unit <= 2) return PARAMETER_NAMES[roleIndex(role, 2)];
  return { x1: `x1h${role.unit}`, x2: `x2h${role.unit}`, out: `h${role.unit}y`, bias: `bh${role.unit}` }[role.kind];
}

/** "W5", "w5", "x1h7", "H7Y", "bh3" → a role; anything else → null. */
export function parseRole(text: string): ParameterRole | null {
  const t = text.trim().toLowerCase();
  const named = PARAMETER_NAMES.findIndex((n) => n.toLowerCase() === t);
  if (named >= 0) return roleAt(named, 2);
  const m = /^(?:x([12])h(\d{1,2})|h(\d{1,2})y|bh(\d{1,2}))$/.exec(t);
  if (!m) return null;
  const unit = Number(m[2] ?? m[3] ?? m[4]);
  if (!(unit >= 1 && unit <= MAX_HIDDEN)) return null;
  const kind: ParameterRole['kind'] = m[1] === '1' ? 'x1' : m[1] === '2' ? 'x2' : m[3] ? 'out' : 'bias';
  return { kind, unit };
}

/** What a select offers for a network with `hidden` units: every parameter, by its link name. */
export function roleOptions(hidden: number): { value: string; label: string }[] {
  return Array.from({ length: parameterCount(hidden) }, (_, i) => ({ value: roleToken(roleAt(i, hidden)), label: roleLabel(i, hidden) }));
}

/** "W5 (h1 → ŷ)" for the course's network; "w(h5→out)" for other widths. */
export function roleLabel(index: number, hidden: number): string {
  return hidden === 2 ? `${parameterName(index, 2)} (${parameterConnection(index, 2)})` : parameterName(index, hidden);
}

/** One axis's parameter, by its link name. */
const roleField = (axis: 'horizontal' | 'vertical', role: ParameterRole) =>
  customField<ParameterRole>({
    label: `The ${axis} parameter`,
    default: role,
    read(text) {
      const parsed = parseRole(text);
      return parsed
        ? { ok: true, value: parsed }
        : { ok: false, message: `Ignored the ${axis} parameter “${clipText(text)}”: use W1…W6, B1…B3, or x1h3, x2h3, h3y, bh3 for a third unit and beyond.` };
    },
    write: roleToken,
  });

const fields = {
  /** The parameter along the horizontal axis. */
  x: roleField('horizontal', { kind: 'out', unit: 1 }),
  /** The parameter along the vertical axis. */
  y: roleField('vertical', { kind: 'bias', unit: 1 }),
  /** Half the width of each axis around the current point. */
  span: numberField({ label: 'Half-width of the window', min: 0.01, max: 1000, default: 2, log: true, hint: 'either side of the current point' }),
};

export type SurfaceSliceConfig = ConfigOf<typeof fields>;

export const surfaceSliceSettings = defineSettings(fields, [
  {
    keys: ['x', 'y'],
    problem: (c) => (roleToken(c.x) === roleToken(c.y) ? `The two axes must show different parameters, but both were ${roleToken(c.x)}.` : null),
    // Picking the other axis's parameter swaps the two.
    follow: (c, previous) => (c.y !== previous.y ? { x: previous.y } : { y: previous.x }),
  },
]);

export const SURFACE_SLICE_DEFAULTS = surfaceSliceSettings.defaults;

/**
 * The two axes' indices for a network with `hidden` units. A role the network does not have
 * (a fifth unit's weight with three units) falls back to the default, with a notice.
 */
export function sliceAxes(config: SurfaceSliceConfig, hidden: number): { x: number; y: number; notices: string[] } {
  const notices: string[] = [];
  const defaultX = roleIndex(SURFACE_SLICE_DEFAULTS.x, hidden), defaultY = roleIndex(SURFACE_SLICE_DEFAULTS.y, hidden);
  const pick = (role: ParameterRole, other: number): number => {
    const i = roleIndex(role, hidden);
    if (i >= 0 && i !== other) return i;
    // The default of this axis, or of the other one if that is taken.
    const j = other === defaultY ? defaultX : other === -1 ? defaultX : defaultY;
    if (i < 0) notices.push(`A network with ${hidden} hidden unit${hidden === 1 ? '' : 's'} has no ${roleToken(role)}: showing ${roleToken(roleAt(j, hidden))} instead.`);
    return j;
  };
  const x = pick(config.x, -1);
  const y = pick(config.y, x);
  return { x, y, notices };
}
