import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TempProject {
  root: string;
  tsconfig: string;
  file(name: string): string;
  remove(): void;
}

/**
 * A project on disk in a fresh temporary directory: a tsconfig.json for TypeScript 6 (the
 * package.json pins it, so no TypeScript 5 defaults are applied) and the given sources.
 */
export function writeTempProject(files: Record<string, string>, prefix = 'phi-robustness-'): TempProject {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const write = (name: string, text: string): void => {
    const full = path.join(root, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  };
  write('package.json', JSON.stringify({ name: 'robustness-temp', private: true, type: 'module', devDependencies: { typescript: '6.0.3' } }));
  write('tsconfig.json', JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['ES2023', 'DOM'], types: [], strict: true, noEmit: true, skipLibCheck: true },
    include: ['src/**/*'],
  }));
  for (const [name, text] of Object.entries(files)) write(name, text);
  return {
    root,
    tsconfig: path.join(root, 'tsconfig.json'),
    file: (name) => path.join(root, name),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
