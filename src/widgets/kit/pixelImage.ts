// Heat-map pixels as an image URL in the browser: through a canvas the size of the grid (the
// server makes the same image with png.ts and node:zlib). One canvas per painter, reused.

/** A function turning RGBA pixels (row by row, top row first) into a PNG data: URL, or '' without a 2-D canvas. */
export function pixelPainter(doc: Document): (pixels: Uint8ClampedArray<ArrayBuffer>, width: number, height: number) => string {
  let canvas: HTMLCanvasElement | null = null;
  return (pixels, width, height) => {
    canvas ??= doc.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return '';
    context.putImageData(new ImageData(pixels, width, height), 0, 0);
    return canvas.toDataURL('image/png');
  };
}
