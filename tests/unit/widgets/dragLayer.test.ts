import { describe, expect, it } from 'vitest';
import { wireDragLayer } from '../../../src/widgets/kit/dragLayer';

/** Just enough of an element for the layer: events, pointer capture and a box. */
class FakeLayer extends EventTarget {
  hidden = true;
  captured: number | null = null;
  setPointerCapture(id: number) {
    this.captured = id;
  }
  hasPointerCapture(id: number) {
    return this.captured === id;
  }
}
const svg = { getBoundingClientRect: () => ({ left: 100, top: 50, width: 200, height: 100 }) };
const pointer = (type: string, x: number, y: number, pointerType = 'mouse') => Object.assign(new Event(type, { cancelable: true }), { clientX: x, clientY: y, pointerId: 1, pointerType });

function wired() {
  const layer = new FakeLayer();
  const points: [number, number][] = [];
  const keys: string[] = [];
  let released = 0;
  wireDragLayer(layer as unknown as HTMLElement, svg as unknown as Element, 400, 200, {
    point: (x, y) => points.push([x, y]),
    key: (key) => (keys.push(key), key.startsWith('Arrow')),
    release: () => (released += 1),
  });
  return { layer, points, keys, released: () => released };
}

describe('wireDragLayer', () => {
  it('shows the layer and turns a mouse press and drag into points of the viewBox', () => {
    const { layer, points, released } = wired();
    expect(layer.hidden).toBe(false);
    layer.dispatchEvent(pointer('pointerdown', 200, 100));
    layer.dispatchEvent(pointer('pointermove', 300, 150));
    layer.dispatchEvent(pointer('pointerup', 300, 150));
    expect(points).toEqual([[200, 100], [400, 200]]);
    expect(released()).toBe(1);
  });

  it('moves nothing on a touch until the finger moves, and nothing without a press', () => {
    const { layer, points } = wired();
    layer.dispatchEvent(pointer('pointermove', 150, 60));
    expect(points).toEqual([]);
    layer.dispatchEvent(pointer('pointerdown', 150, 60, 'touch'));
    expect(points).toEqual([]);
    layer.dispatchEvent(pointer('pointermove', 160, 60, 'touch'));
    expect(points).toHaveLength(1);
  });

  it('prevents the default only for keys the widget uses', () => {
    const { layer, keys } = wired();
    const arrow = Object.assign(new Event('keydown', { cancelable: true }), { key: 'ArrowLeft' });
    const tab = Object.assign(new Event('keydown', { cancelable: true }), { key: 'Tab' });
    layer.dispatchEvent(arrow);
    layer.dispatchEvent(tab);
    expect(keys).toEqual(['ArrowLeft', 'Tab']);
    expect(arrow.defaultPrevented).toBe(true);
    expect(tab.defaultPrevented).toBe(false);
  });
});
