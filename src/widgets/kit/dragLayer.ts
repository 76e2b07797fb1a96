// A transparent layer over a figure that turns pointer drags into points of the figure (in its
// viewBox units) and keys into moves, so a reader can set a value by dragging on the picture or,
// with the layer focused, by the keyboard. The layer is a role="slider" element that the server
// renders hidden; wiring it shows it. Vertical swipes on a phone still scroll the page (the
// layer's CSS sets touch-action: pan-y), so a touch moves nothing until the finger moves sideways.

export interface DragLayerHandlers {
  /** The pointer is at (x, y) of the figure's viewBox. */
  point(x: number, y: number): void;
  /** A key was pressed on the focused layer; return true if it was used (its default is then prevented). */
  key(key: string): boolean;
  /** The drag (or a key press) ended. */
  release?(): void;
}

/** Wires `layer` over `svg`, whose viewBox is `width` × `height`. */
export function wireDragLayer(layer: HTMLElement, svg: Element, width: number, height: number, handlers: DragLayerHandlers): void {
  layer.hidden = false;
  const follow = (event: PointerEvent) => {
    const box = svg.getBoundingClientRect();
    if (!(box.width > 0 && box.height > 0)) return;
    handlers.point(((event.clientX - box.left) / box.width) * width, ((event.clientY - box.top) / box.height) * height);
  };
  layer.addEventListener('pointerdown', (event) => {
    layer.setPointerCapture(event.pointerId);
    if (event.pointerType !== 'touch') follow(event);
  });
  layer.addEventListener('pointermove', (event) => {
    if (layer.hasPointerCapture(event.pointerId)) follow(event);
  });
  const release = () => handlers.release?.();
  layer.addEventListener('pointerup', release);
  layer.addEventListener('pointercancel', release);
  layer.addEventListener('keydown', (event) => {
    if (handlers.key(event.key)) event.preventDefault();
  });
  layer.addEventListener('keyup', release);
}
