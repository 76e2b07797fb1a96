/**
 * An input the trainer cannot work with, explained in words a student can act on.
 * Widgets show `message` in their status line; nothing else is ever thrown on purpose.
 */
export class TrainerInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrainerInputError';
  }
}

/** Checks that a value is a finite number inside [min, max]; returns a message or null. */
export function checkNumber(label: string, value: unknown, min: number, max: number, integer = false): string | null {
  if (typeof value !== 'number' || Number.isNaN(value)) return `${label} must be a number.`;
  if (!Number.isFinite(value)) return `${label} must be finite.`;
  if (integer && !Number.isInteger(value)) return `${label} must be a whole number.`;
  if (value < min || value > max) return `${label} must be between ${min} and ${max}.`;
  return null;
}

/** Throws the first message, if any. */
export function throwIfAny(messages: (string | null)[]): void {
  const first = messages.find((m) => m !== null);
  if (first) throw new TrainerInputError(first);
}
