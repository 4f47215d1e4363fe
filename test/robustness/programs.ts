import fc from 'fast-check';

/**
 * Random small programs built from the constructs the analyzer supports, as a tree of choices
 * (so that fast-check can shrink a failing program) printed to TypeScript source by `printProgram`.
 * References to variables and functions are indices taken modulo what is in scope, so every
 * generated program is well scoped; it need not type-check.
 */

export type Expr =
  | { k: 'phi'; field: number } // p.name, p.ssn, p.id (@notPhi), p.tags, p, loadPatient().name
  | { k: 'plain'; field: number } // q.label, q.count, q.items, s, a literal, loadPlain().label
  | { k: 'var'; ref: number }
  | { k: 'concat'; a: Expr; b: Expr }
  | { k: 'template'; a: Expr; b: Expr }
  | { k: 'call'; ref: number; arg: Expr; phiArg: boolean }
  | { k: 'sanitize'; a: Expr }
  | { k: 'map'; a: Expr }
  | { k: 'filter'; a: Expr }
  | { k: 'cond'; a: Expr; b: Expr }
  | { k: 'object'; a: Expr; b: Expr; pick: boolean }
  | { k: 'spread'; a: Expr }
  | { k: 'json'; a: Expr }
  | { k: 'closure'; a: Expr }
  | { k: 'method'; a: Expr }
  | { k: 'length'; a: Expr }
  | { k: 'box'; a: Expr; upper: boolean };

export type Stmt =
  | { k: 'const'; e: Expr }
  | { k: 'let'; e1: Expr; e2: Expr }
  | { k: 'destructure'; fromPhi: boolean }
  | { k: 'destructureArray'; e: Expr }
  | { k: 'push'; e: Expr }
  | { k: 'if'; cond: Expr; then: Stmt[]; else: Stmt[] }
  | { k: 'for'; e: Expr; body: Stmt[] }
  | { k: 'while'; body: Stmt[] }
  | { k: 'sink'; which: number; e: Expr }
  | { k: 'store'; e: Expr };

export interface FunctionDecl {
  body: Stmt[];
  result: Expr;
  /** An arrow function in a const rather than a function declaration. */
  arrow: boolean;
}

export interface FileDecl {
  functions: FunctionDecl[];
}

export interface Program {
  files: FileDecl[];
}

const expr: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => {
  const sub = tie('expr');
  return {
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: fc.record({ k: fc.constant('phi' as const), field: fc.nat(5) }), weight: 4 },
      { arbitrary: fc.record({ k: fc.constant('plain' as const), field: fc.nat(5) }), weight: 4 },
      { arbitrary: fc.record({ k: fc.constant('var' as const), ref: fc.nat(20) }), weight: 4 },
      fc.record({ k: fc.constant('concat' as const), a: sub, b: sub }),
      fc.record({ k: fc.constant('template' as const), a: sub, b: sub }),
      { arbitrary: fc.record({ k: fc.constant('call' as const), ref: fc.nat(20), arg: sub, phiArg: fc.boolean() }), weight: 2 },
      fc.record({ k: fc.constant('sanitize' as const), a: sub }),
      fc.record({ k: fc.constant('map' as const), a: sub }),
      fc.record({ k: fc.constant('filter' as const), a: sub }),
      fc.record({ k: fc.constant('cond' as const), a: sub, b: sub }),
      fc.record({ k: fc.constant('object' as const), a: sub, b: sub, pick: fc.boolean() }),
      fc.record({ k: fc.constant('spread' as const), a: sub }),
      fc.record({ k: fc.constant('json' as const), a: sub }),
      fc.record({ k: fc.constant('closure' as const), a: sub }),
      fc.record({ k: fc.constant('method' as const), a: sub }),
      fc.record({ k: fc.constant('length' as const), a: sub }),
      fc.record({ k: fc.constant('box' as const), a: sub, upper: fc.boolean() }),
    ),
  };
}).expr;

const stmt: fc.Arbitrary<Stmt> = fc.letrec<{ stmt: Stmt }>((tie) => {
  const block = fc.array(tie('stmt'), { maxLength: 3, depthIdentifier: 'stmt' });
  return {
    stmt: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, depthIdentifier: 'stmt' },
      { arbitrary: fc.record({ k: fc.constant('const' as const), e: expr }), weight: 4 },
      fc.record({ k: fc.constant('let' as const), e1: expr, e2: expr }),
      fc.record({ k: fc.constant('destructure' as const), fromPhi: fc.boolean() }),
      fc.record({ k: fc.constant('destructureArray' as const), e: expr }),
      fc.record({ k: fc.constant('push' as const), e: expr }),
      { arbitrary: fc.record({ k: fc.constant('sink' as const), which: fc.nat(4), e: expr }), weight: 4 },
      fc.record({ k: fc.constant('store' as const), e: expr }),
      fc.record({ k: fc.constant('if' as const), cond: expr, then: block, else: block }),
      fc.record({ k: fc.constant('for' as const), e: expr, body: block }),
      fc.record({ k: fc.constant('while' as const), body: block }),
    ),
  };
}).stmt;

const functionDecl: fc.Arbitrary<FunctionDecl> = fc.record({
  body: fc.array(stmt, { minLength: 1, maxLength: 5 }),
  result: expr,
  arrow: fc.boolean(),
});

export const programArbitrary: fc.Arbitrary<Program> = fc.record({
  files: fc.array(fc.record({ functions: fc.array(functionDecl, { minLength: 1, maxLength: 4 }) }), { minLength: 2, maxLength: 3 }),
});

// ---------------------------------------------------------------------------------------------
// Printing

export const modelsSource = `/** @phi */
export interface Patient {
  /** @notPhi */
  id: string;
  name: string;
  ssn: string;
  tags: string[];
}

export interface Plain {
  label: string;
  count: number;
  items: string[];
}

export function redact(value: unknown): string {
  return typeof value === 'string' ? '***' : '';
}

export function loadPatient(): Patient {
  return { id: '1', name: 'n', ssn: 's', tags: [] };
}

export function loadPlain(): Plain {
  return { label: 'l', count: 1, items: [] };
}
`;

/** The configuration the generated programs are analysed with. */
export const programConfig = { sanitizers: ['redact'], trustedHosts: ['api.trusted.example'] };

const phiLeaves = ['p.name', 'p.ssn', 'p.id', 'p.tags', 'p', 'loadPatient().name'];
const plainLeaves = ['q.label', 'String(q.count)', 'q.items', 's', "'literal'", 'loadPlain().label'];
const sinks = [
  (e: string) => `console.log(${e});`,
  (e: string) => `localStorage.setItem('key', String(${e}));`,
  (e: string) => `fetch('https://collector.untrusted.example/v1', { method: 'POST', body: JSON.stringify(${e}) });`,
  (e: string) => `fetch('https://api.trusted.example/v1', { method: 'POST', body: JSON.stringify(${e}) });`,
  (e: string) => `console.error('context', ${e});`,
];

export function functionName(file: number, index: number): string {
  return `f${file}_${index}`;
}

/** Top-level declarations of one file, each a separate string that may be reordered. */
export interface PrintedFile {
  imports: string;
  declarations: string[];
}

class Printer {
  private counter = 0;
  private readonly scope: string[] = [];

  constructor(private readonly functions: readonly string[], private readonly file: number) {}

  fresh(): string {
    return `v${this.counter++}`;
  }

  expr(e: Expr): string {
    switch (e.k) {
      case 'phi': return phiLeaves[e.field % phiLeaves.length]!;
      case 'plain': return plainLeaves[e.field % plainLeaves.length]!;
      case 'var': return this.scope.length > 0 ? this.scope[e.ref % this.scope.length]! : "'empty'";
      case 'concat': return `(${this.expr(e.a)} + ${this.expr(e.b)})`;
      case 'template': return `\`a\${${this.expr(e.a)}}b\${${this.expr(e.b)}}\``;
      case 'call': {
        const callee = this.functions[e.ref % this.functions.length]!;
        return `${callee}(${e.phiArg ? 'p' : 'loadPatient()'}, q, String(${this.expr(e.arg)}))`;
      }
      case 'sanitize': return `redact(${this.expr(e.a)})`;
      case 'map': return `[${this.expr(e.a)}].map((x) => String(x) + '!').join(',')`;
      case 'filter': return `[${this.expr(e.a)}].filter((x) => Boolean(x))[0]`;
      case 'cond': return `(q.count > 1 ? ${this.expr(e.a)} : ${this.expr(e.b)})`;
      case 'object': return `({ first: ${this.expr(e.a)}, second: ${this.expr(e.b)} }).${e.pick ? 'first' : 'second'}`;
      case 'spread': return `({ ...{ inner: ${this.expr(e.a)} } }).inner`;
      case 'json': return `JSON.stringify({ value: ${this.expr(e.a)} })`;
      case 'closure': return `(() => ${this.expr(e.a)})()`;
      case 'method': return `String(${this.expr(e.a)}).toUpperCase()`;
      case 'length': return `String(String(${this.expr(e.a)}).length)`;
      case 'box': return `new Box${this.file}(String(${this.expr(e.a)})).${e.upper ? 'upper' : 'value'}`;
    }
  }

  stmts(list: readonly Stmt[], indent: string): string[] {
    const mark = this.scope.length;
    const lines = list.flatMap((s) => this.stmt(s, indent));
    this.scope.length = mark; // block scoping
    return lines;
  }

  stmt(s: Stmt, indent: string): string[] {
    switch (s.k) {
      case 'const': {
        const value = this.expr(s.e);
        const name = this.fresh();
        this.scope.push(name);
        return [`${indent}const ${name} = ${value};`];
      }
      case 'let': {
        const first = this.expr(s.e1);
        const name = this.fresh();
        const second = this.expr(s.e2);
        this.scope.push(name);
        return [`${indent}let ${name}: unknown = ${first};`, `${indent}${name} = ${second};`];
      }
      case 'destructure': {
        const a = this.fresh();
        const rest = this.fresh();
        this.scope.push(a, rest);
        return s.fromPhi
          ? [`${indent}const { name: ${a}, ...${rest} } = p;`]
          : [`${indent}const { label: ${a}, ...${rest} } = q;`];
      }
      case 'destructureArray': {
        const value = this.expr(s.e);
        const name = this.fresh();
        this.scope.push(name);
        return [`${indent}const [${name}] = [${value}, 'other'];`];
      }
      case 'push': {
        const value = this.expr(s.e);
        const name = this.fresh();
        this.scope.push(name);
        return [`${indent}const ${name}: unknown[] = [];`, `${indent}${name}.push(${value});`];
      }
      case 'if': {
        const cond = this.expr(s.cond);
        return [
          `${indent}if (String(${cond}).length > 3) {`,
          ...this.stmts(s.then, `${indent}  `),
          `${indent}} else {`,
          ...this.stmts(s.else, `${indent}  `),
          `${indent}}`,
        ];
      }
      case 'for': {
        const items = this.expr(s.e);
        const name = this.fresh();
        const mark = this.scope.length;
        this.scope.push(name);
        const body = this.stmts(s.body, `${indent}  `);
        this.scope.length = mark;
        return [`${indent}for (const ${name} of [${items}]) {`, ...body, `${indent}}`];
      }
      case 'while': {
        const counter = this.fresh();
        return [`${indent}let ${counter} = 0;`, `${indent}while (${counter} < 2) {`, `${indent}  ${counter}++;`, ...this.stmts(s.body, `${indent}  `), `${indent}}`];
      }
      case 'sink': return [`${indent}${sinks[s.which % sinks.length]!(this.expr(s.e))}`];
      case 'store': {
        const value = this.expr(s.e);
        const name = this.fresh();
        this.scope.push(name);
        return [`${indent}const ${name} = { slot: '' as unknown };`, `${indent}${name}.slot = ${value};`];
      }
    }
  }
}

/** Prints each file as imports plus independent top-level declarations (functions are hoisted). */
export function printProgram(program: Program): PrintedFile[] {
  const all = program.files.flatMap((file, f) => file.functions.map((_, i) => functionName(f, i)));
  return program.files.map((file, f) => {
    const others = program.files
      .map((other, o) => ({ other, o }))
      .filter(({ o }) => o !== f)
      .map(({ other, o }) => `import { ${other.functions.map((_, i) => functionName(o, i)).join(', ')} } from './file${o}';`);
    const imports = [`import { loadPatient, loadPlain, redact, type Patient, type Plain } from './models';`, ...others].join('\n');
    const box = [
      `export class Box${f} {`,
      '  value: string;',
      '  private readonly created = Date.now();',
      '  constructor(value: string) {',
      '    this.value = value;',
      '  }',
      '  get upper(): string {',
      '    return this.value.toUpperCase();',
      '  }',
      '}',
    ].join('\n');
    const functions = file.functions.map((fn, i) => {
      const printer = new Printer(all, f);
      const body = printer.stmts(fn.body, '  ');
      const result = printer.expr(fn.result);
      const name = functionName(f, i);
      const signature = '(p: Patient, q: Plain, s: string): string';
      const lines = [...body, `  return String(${result});`];
      return fn.arrow
        ? `export const ${name} = ${signature} => {\n${lines.join('\n')}\n};`
        : `export function ${name}${signature} {\n${lines.join('\n')}\n}`;
    });
    return { imports, declarations: [box, ...functions] };
  });
}

/** Source files for analyzeSources: models plus `/fileN.ts`, declarations in the given order. */
export function programSources(printed: readonly PrintedFile[]): Record<string, string> {
  const files: Record<string, string> = { '/models.ts': modelsSource };
  printed.forEach((file, f) => {
    files[`/file${f}.ts`] = `${file.imports}\n\n${file.declarations.join('\n\n')}\n`;
  });
  return files;
}

// ---------------------------------------------------------------------------------------------
// Unrelated code for the metamorphic property: dead helpers that call nothing of the program,
// read nothing of it and hold no sink, under names the program does not use.

export function deadDeclarations(names: readonly string[]): string[] {
  return names.map((name, i) => (i % 2 === 0
    ? `function ${name}(n: number): number {\n  const ${name}Twice = n * 2;\n  return ${name}Twice + ${i};\n}`
    : `const ${name} = { label: 'unused ${i}', count: ${i} };`));
}

/** Identifiers for dead code: never clash with the program's `f…`, `v…`, `Box…`, `p`, `q`, `s`. */
export const deadNames: fc.Arbitrary<string[]> = fc.uniqueArray(fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,10}$/).map((s) => `unused_${s}`), { maxLength: 6 });

/** Inserts dead declarations and applies a permutation to each file's declarations. */
export function rearrange(printed: readonly PrintedFile[], dead: readonly string[][], orders: readonly number[][]): PrintedFile[] {
  return printed.map((file, f) => {
    const declarations = [...file.declarations, ...(dead[f] ?? [])];
    const order = orders[f] ?? [];
    const keyed = declarations.map((text, i) => ({ text, key: order[i] ?? i }));
    keyed.sort((a, b) => a.key - b.key);
    return { imports: file.imports, declarations: keyed.map((entry) => entry.text) };
  });
}
