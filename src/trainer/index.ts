// The one trainer every widget, lesson number, test and benchmark uses. DOM-free:
// it runs in Node at build time, in the browser and in Web Workers.
export * from './parameters';
export * from './activation';
export * from './random';
export * from './errors';
export * from './data';
export * from './network';
export * from './loss';
export * from './backprop';
export * from './gradient';
export * from './finiteDifference';
export * from './init';
export * from './schedule';
export * from './train';
export * from './units';
export * from './landscape';
export * from './curvature';
export * from './sweep';
export * from './toy';
export * from './endState';
export * from './lossPlateau';
export * from './operations';
export * from './squeeze';
export * from './importance';
export * from './symmetry';
