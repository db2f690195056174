// A deterministic measure of the work a function does, for checking that it
// grows linearly with its input: elapsed time on a shared machine varies
// with load, caches and garbage collection far more than a test can allow
// for. While `run` runs, the built-in methods of strings, regular
// expressions, arrays, maps and sets count what they cost — a call, or the
// characters or items a call scans or copies (an `indexOf` the distance it
// searched, a `slice` its length). A scan that restarts from every opener,
// a walk down a stack per closer or a copy of the rest of a paragraph per
// problem all show up as work that grows with the square of the input.

type Method = (this: unknown, ...args: unknown[]) => unknown;
type Cost = (self: unknown, args: unknown[], result: unknown) => number;

const lengthOf = (value: unknown) => (typeof value === 'string' || Array.isArray(value) ? value.length : 1);
const thisLength: Cost = (self) => lengthOf(self);
const resultLength: Cost = (_self, _args, result) => lengthOf(result);
const one: Cost = () => 1;
/** An `indexOf(search, from)`: the characters (or items) from `from` to where it stopped. */
const searched: Cost = (self, args, result) => {
  const from = typeof args[1] === 'number' ? Math.max(0, args[1]) : 0;
  const end = typeof result === 'number' && result >= 0 ? result : lengthOf(self);
  return 1 + Math.max(0, end - from);
};
/** A regular expression's input from where the match starts. */
const matched: Cost = (self, args) => 1 + Math.max(0, lengthOf(args[0]) - ((self as RegExp).lastIndex ?? 0));

const COSTS: [object, string, Cost][] = [
  ...['charCodeAt', 'codePointAt', 'at', 'charAt'].map((name): [object, string, Cost] => [String.prototype, name, one]),
  ...['indexOf', 'includes'].map((name): [object, string, Cost] => [String.prototype, name, searched]),
  ...['lastIndexOf', 'startsWith', 'endsWith', 'trim', 'trimStart', 'trimEnd', 'replace', 'replaceAll', 'split', 'normalize', 'toLowerCase', 'toUpperCase', 'search', 'match', 'matchAll'].map(
    (name): [object, string, Cost] => [String.prototype, name, thisLength],
  ),
  ...['slice', 'substring', 'repeat', 'padStart', 'padEnd', 'concat'].map((name): [object, string, Cost] => [String.prototype, name, resultLength]),
  [RegExp.prototype, 'exec', matched],
  [RegExp.prototype, 'test', matched],
  ...['push', 'pop', 'unshift'].map((name): [object, string, Cost] => [Array.prototype, name, one]),
  ...['indexOf', 'includes'].map((name): [object, string, Cost] => [Array.prototype, name, searched]),
  ...['some', 'every', 'find', 'findIndex', 'filter', 'map', 'forEach', 'reduce', 'join', 'reverse', 'sort', 'lastIndexOf', 'findLast', 'findLastIndex'].map(
    (name): [object, string, Cost] => [Array.prototype, name, thisLength],
  ),
  ...['slice', 'concat', 'splice', 'flat', 'flatMap'].map((name): [object, string, Cost] => [Array.prototype, name, resultLength]),
  ...['get', 'set', 'has', 'delete'].map((name): [object, string, Cost] => [Map.prototype, name, one]),
  ...['add', 'has', 'delete'].map((name): [object, string, Cost] => [Set.prototype, name, one]),
];

/** The work `run` does, counted as above. */
export function countWork(run: () => void): number {
  let work = 0;
  let counting = true;
  const originals: [object, string, Method][] = [];
  for (const [prototype, name, cost] of COSTS) {
    const original = (prototype as Record<string, Method>)[name];
    originals.push([prototype, name, original]);
    Object.defineProperty(prototype, name, {
      configurable: true,
      writable: true,
      value: function (this: unknown, ...args: unknown[]) {
        const result = original.apply(this, args);
        // The counting itself calls no counted method while off.
        if (counting) {
          counting = false;
          work += cost(this, args, result);
          counting = true;
        }
        return result;
      },
    });
  }
  try {
    run();
  } finally {
    counting = false;
    for (const [prototype, name, original] of originals) Object.defineProperty(prototype, name, { configurable: true, writable: true, value: original });
  }
  return work;
}
