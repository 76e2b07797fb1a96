// Types for the package's ARC4 generator file, imported directly to keep client bundles small.
declare module 'seedrandom/seedrandom.js' {
  import seedrandom from 'seedrandom';
  export default seedrandom;
}
