// The account's events in words for a reader, each with the lesson that explains it. Pure.
import { formatInteger, formatNumber } from '../format';
import { EVENT_LESSONS, type RunAccount, type RunEvent } from './account';

export interface EventLine {
  kind: RunEvent['kind'];
  /** The epoch the event belongs to (for sorting and for moving the console's cursor), or −1. */
  epoch: number;
  text: string;
  /** The lesson that explains it, as a lesson id ("13-dead-units"). */
  lesson: string;
}

const list = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

export function describeEvent(event: RunEvent): EventLine {
  const lesson = EVENT_LESSONS[event.kind];
  switch (event.kind) {
    case 'unit-died': {
      const cause = event.causes.length === 0 ? '' : event.alone ? ` ${list(event.causes)}’s step alone would have done it.` : ` ${list(event.causes)}’s step did the most to it.`;
      const when = event.update ? `Epoch ${formatInteger(event.epoch)}, update ${formatInteger(event.update.at)} of ${formatInteger(event.update.of)}: that mini-batch’s step` : `Epoch ${formatInteger(event.epoch)}: its step`;
      return { kind: event.kind, epoch: event.epoch, lesson, text: `${when} switched hidden unit ${event.unit} off for every sample. From then on its four partial derivatives are exactly 0, so it stays dead.${cause}` };
    }
    case 'diverged':
      return {
        kind: event.kind,
        epoch: event.epoch,
        lesson,
        text: `Epoch ${formatInteger(event.epoch)}: the run diverged. The loss grew at every epoch from epoch ${formatInteger(event.growingFrom)} on, where η = ${formatNumber(event.rate)} was ${Number.isFinite(event.limit) ? `${formatNumber(event.rate / event.limit)} times the stability limit 2/λmax = ${formatNumber(event.limit)}` : 'used where the loss had no upward curvature'}.`,
      };
    case 'plateau':
      return { kind: event.kind, epoch: event.from, lesson, text: `Epochs ${formatInteger(event.from)} to ${formatInteger(event.to)}: a plateau near loss ${formatNumber(event.level)}, followed by a real drop — not a minimum.` };
    case 'rate-cut':
      return { kind: event.kind, epoch: event.epoch, lesson, text: `Epoch ${formatInteger(event.epoch)}: the schedule cut the rate from ${formatNumber(event.from)} to ${formatNumber(event.to)}.` };
    case 'twins':
      return { kind: event.kind, epoch: -1, lesson, text: `Hidden units ${event.units[0]} and ${event.units[1]} started identical and are still identical, bit for bit: they act as one unit.` };
  }
}

/** The account's lines, in order; a sentence when nothing happened. */
export function describeAccount(account: RunAccount): { lines: EventLine[]; summary: string } {
  const lines = account.events.map(describeEvent);
  const epochs = formatInteger(account.epochs);
  const summary = lines.length
    ? `${lines.length === 1 ? 'One event' : `${formatInteger(lines.length)} events`} in ${epochs} epochs.`
    : `Nothing to report in ${epochs} epochs: no unit died, the rate stayed where you set it, and the run did not diverge.`;
  return { lines, summary };
}
