import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { lazyStep, withStep, type Flow } from '../../src/engine/flow.js';

const sourceFile = ts.createSourceFile('/src/a.ts', 'const copy = patient.name;\n', ts.ScriptTarget.ES2022, true);
const declaration = (sourceFile.statements[0] as ts.VariableStatement).declarationList.declarations[0]!;
const flow: Flow = { origin: { kind: 'source', source: { name: 'Patient', reason: '@phi' } as never }, steps: [] };

describe('trace steps', () => {
  it('are made only when a flow takes them, once however many flows do', () => {
    let messages = 0;
    const step = lazyStep('declaration', declaration, () => {
      messages++;
      return 'assigned to copy';
    });
    expect(withStep([], step)).toEqual([]);
    expect(messages).toBe(0);
    const [first, second] = withStep([flow, flow], step);
    expect(withStep([flow], step)[0]?.steps[0]).toBe(first?.steps[0]);
    expect(messages).toBe(1);
    expect(second?.steps).toEqual([{ kind: 'declaration', code: 'copy = patient.name', message: 'assigned to copy', location: expect.objectContaining({ file: '/src/a.ts', line: 1 }) }]);
  });
});
