// Point markers from d3-shape's symbols, placed at a point and rounded like the rest of the SVG.
// Series are told apart by shape as well as colour (colour-blind readers, greyscale print), so each
// Shape is one d3 symbol and the four look as they did when the kit drew them by hand.
import { pathRound, type Path } from 'd3-path';
import { symbolCircle, symbolDiamond2, symbolSquare, symbolTriangle, type CanvasPath_D3Shape, type SymbolType } from 'd3-shape';

export type Shape = 'circle' | 'square' | 'diamond' | 'triangle';
export const SHAPES: readonly Shape[] = ['circle', 'square', 'diamond', 'triangle'];

/**
 * Each shape's d3 symbol and its d3 size for a marker of "radius" r (the callers' measure of how big
 * a marker is). d3's size is the area in px², so a marker keeps its old area: circle πr², square of
 * side 2r, equilateral triangle of side 2.2r. The diamond is a square on its corner with half-diagonal
 * 1.35r: that is symbolDiamond2 (symbolDiamond is a rhombus 1.7 times taller than wide), whose size is
 * not its area but gives half-diagonal 0.62625·√size.
 */
const SYMBOLS: Record<Shape, { type: SymbolType; size: (r: number) => number }> = {
  circle: { type: symbolCircle, size: (r) => Math.PI * r * r },
  square: { type: symbolSquare, size: (r) => 4 * r * r },
  diamond: { type: symbolDiamond2, size: (r) => ((1.35 * r) / 0.62625) ** 2 },
  triangle: { type: symbolTriangle, size: (r) => ((Math.sqrt(3) / 4) * 2.2 * 2.2) * r * r },
};

/** A d3 path that draws everything moved by (x, y): d3's symbols are centred on the origin. */
class Moved implements CanvasPath_D3Shape {
  constructor(readonly path: Path, readonly x: number, readonly y: number) {}
  moveTo(x: number, y: number) { this.path.moveTo(x + this.x, y + this.y); }
  lineTo(x: number, y: number) { this.path.lineTo(x + this.x, y + this.y); }
  closePath() { this.path.closePath(); }
  rect(x: number, y: number, w: number, h: number) { this.path.rect(x + this.x, y + this.y, w, h); }
  arc(x: number, y: number, r: number, a0: number, a1: number, ccw?: boolean) { this.path.arc(x + this.x, y + this.y, r, a0, a1, ccw); }
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number) { this.path.arcTo(x1 + this.x, y1 + this.y, x2 + this.x, y2 + this.y, r); }
  quadraticCurveTo(x1: number, y1: number, x: number, y: number) { this.path.quadraticCurveTo(x1 + this.x, y1 + this.y, x + this.x, y + this.y); }
  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number) {
    this.path.bezierCurveTo(x1 + this.x, y1 + this.y, x2 + this.x, y2 + this.y, x + this.x, y + this.y);
  }
  ellipse(): void {
    // d3-path has no ellipse, and none of d3's symbols draws one.
    throw new Error('a marker cannot draw an ellipse');
  }
}

/** A path fragment drawing one marker centred on (x, y), coordinates to 0.1 px. */
export function markerPath(shape: Shape, x: number, y: number, r: number): string {
  const { type, size } = SYMBOLS[shape];
  const path = pathRound(1);
  type.draw(new Moved(path, x, y), size(r));
  return path.toString();
}
