import path from 'node:path';
import ts from '#typescript';
import libFiles from '#typescript-libs';
import { mentionsPhiTag } from '../sources/jsdocTags.js';

/**
 * The files a project is read from. The scan reads the disk (`ts.sys`); tests hand in a map.
 * Paths are absolute, with forward slashes.
 */
export interface ProjectFileSystem {
  readFile(fileName: string): string | undefined;
  fileExists(fileName: string): boolean;
  directoryExists(directoryName: string): boolean;
  getDirectories(directoryName: string): string[];
  realpath?(fileName: string): string;
  currentDirectory: string;
  useCaseSensitiveFileNames: boolean;
}

export const diskFileSystem: ProjectFileSystem = {
  readFile: (fileName) => ts.sys.readFile(fileName),
  fileExists: (fileName) => ts.sys.fileExists(fileName),
  directoryExists: (directoryName) => ts.sys.directoryExists(directoryName),
  getDirectories: (directoryName) => ts.sys.getDirectories(directoryName),
  realpath: (fileName) => ts.sys.realpath?.(fileName) ?? fileName,
  currentDirectory: ts.sys.getCurrentDirectory(),
  useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
};

/** A file system held in memory (file name → text); directories are those the files imply. */
export function memoryFileSystem(files: ReadonlyMap<string, string>, currentDirectory = '/'): ProjectFileSystem {
  const directories = new Map<string, Set<string>>([['/', new Set()]]);
  for (const fileName of files.keys()) {
    let child = fileName;
    for (let parent = path.posix.dirname(child); ; child = parent, parent = path.posix.dirname(parent)) {
      const entries = directories.get(parent) ?? new Set<string>();
      directories.set(parent, entries);
      if (child !== fileName) entries.add(path.posix.basename(child));
      if (parent === '/') break;
    }
  }
  return {
    readFile: (fileName) => files.get(fileName),
    fileExists: (fileName) => files.has(fileName),
    directoryExists: (directoryName) => directories.has(directoryName.replace(/(.)\/$/, '$1')),
    getDirectories: (directoryName) => [...(directories.get(directoryName.replace(/(.)\/$/, '$1')) ?? [])],
    currentDirectory,
    useCaseSensitiveFileNames: true,
  };
}

/**
 * TypeScript's lib files. The TypeScript bundled with ts-morph ships them as text, not on disk;
 * they are served from this folder, which exists on no disk (ts-morph uses the same one).
 */
const libFolder = '/node_modules/typescript/lib';
const libTexts = new Map(libFiles.map((file) => [`${libFolder}/${file.fileName}`, file.text]));

/** Lib files are parsed once per process: every project, and every program of one, shares them. */
const parsedLibs = new Map<string, ts.SourceFile>();

/** A file the parser could not read (nested too deeply): the program holds a stub in its place. */
export interface UnparsableFile {
  file: string;
  text: string;
  error: RangeError;
}

interface ParsedFile {
  text: string;
  /** What the source file was parsed for: the language version and module format the program asked. */
  parseKey: string;
  sourceFile: ts.SourceFile;
}

export function normalizeFileName(fileName: string): string {
  return path.resolve(fileName).replace(/\\/g, '/');
}

/**
 * A set of root files, compiler options, and texts that stand in for the files' own, made into a
 * TypeScript program; what ts-morph's Project did for the analyzer, without wrapping every node and
 * file (a wrapper per file and a path standardised per look-up cost a tenth of a 4,000-file scan).
 * Each source file is parsed once and handed again to the next program while its text stands, so
 * TypeScript reuses it: after an edit, a program costs the edited file.
 */
export class CompilerProject {
  readonly options: ts.CompilerOptions;
  /** Replaced, never changed in place: TypeScript compares the old program's root names with the new ones. */
  private rootNames: readonly string[];
  private readonly roots: Set<string>;
  private readonly fileSystem: ProjectFileSystem;
  /** Texts that replace the file system's: an editor's unsaved text, a stub for a file the compiler cannot handle. */
  private readonly overrides = new Map<string, string>();
  private readonly parsed = new Map<string, ParsedFile>();
  private readonly unparsable = new Map<string, UnparsableFile>();
  private readonly host: ts.CompilerHost;
  private current: ts.Program | undefined;
  private previous: ts.Program | undefined;
  /**
   * What the file system answered during the program build under way. Module resolution asks
   * about the same few directories and files thousands of times (node_modules folders up the
   * tree, each extension of each import); answers are kept only for one build, so an editor's
   * next program sees files added since.
   */
  private lookups: { files: Map<string, boolean>; directories: Map<string, boolean> } | undefined;

  constructor(options: ts.CompilerOptions, rootNames: readonly string[], fileSystem: ProjectFileSystem = diskFileSystem) {
    this.options = options;
    this.rootNames = rootNames.map(normalizeFileName);
    this.roots = new Set(this.rootNames);
    this.fileSystem = fileSystem;
    this.host = this.createHost();
  }

  /** The program of the current texts; built again only after a text changed. */
  program(): ts.Program {
    if (!this.current) {
      this.lookups = { files: new Map(), directories: new Map() };
      try {
        this.current = ts.createProgram({
          rootNames: this.rootNames,
          options: this.options,
          host: this.host,
          ...(this.previous ? { oldProgram: this.previous } : {}),
        });
      } finally {
        this.lookups = undefined;
      }
      this.previous = undefined;
    }
    return this.current;
  }

  /** The file's source in the current program, or undefined when the program does not hold it. */
  sourceFile(fileName: string): ts.SourceFile | undefined {
    return this.program().getSourceFile(normalizeFileName(fileName));
  }

  /** The file's text as the next program will read it, if it has been given or read; builds nothing. */
  currentText(fileName: string): string | undefined {
    const name = normalizeFileName(fileName);
    return this.overrides.get(name) ?? this.parsed.get(name)?.text;
  }

  /** Replaces the file's text (adding the file as a root when the program does not hold it). */
  setText(fileName: string, text: string): void {
    const name = normalizeFileName(fileName);
    if (this.overrides.get(name) === text && this.parsed.get(name)?.text === text) return;
    this.overrides.set(name, text);
    if (!this.roots.has(name) && !this.program().getSourceFile(name)) {
      this.roots.add(name);
      this.rootNames = [...this.rootNames, name];
    }
    this.invalidate();
  }

  /** Forgets the file's text, its own or given: the next program reads it from the file system again. */
  refresh(fileName: string): void {
    const name = normalizeFileName(fileName);
    this.overrides.delete(name);
    this.parsed.delete(name);
    this.unparsable.delete(name);
    this.invalidate();
  }

  /** How the compiler finds and reads the project's files (its own texts, the libs, the file system), for resolving modules outside a program build. */
  get moduleResolutionHost(): ts.ModuleResolutionHost {
    return this.host;
  }

  /** Files the parser overflowed on, each replaced by `stub` in the program. */
  unparsableFiles(): UnparsableFile[] {
    this.program();
    return [...this.unparsable.values()];
  }

  /** The program's files outside node_modules and TypeScript's libs: the project's own. */
  ownFiles(): ts.SourceFile[] {
    const program = this.program();
    return program.getSourceFiles().filter((file) => !file.fileName.includes('/node_modules/') && !program.isSourceFileDefaultLibrary(file));
  }

  private invalidate(): void {
    if (this.current) this.previous = this.current;
    this.current = undefined;
  }

  private createHost(): ts.CompilerHost {
    const fileSystem = this.fileSystem;
    const readFile = (fileName: string): string | undefined => this.overrides.get(fileName) ?? libTexts.get(fileName) ?? fileSystem.readFile(fileName);
    const caseSensitive = fileSystem.useCaseSensitiveFileNames;
    return {
      getSourceFile: (fileName, languageVersionOrOptions) => this.parse(fileName, languageVersionOrOptions, readFile),
      getDefaultLibFileName: (options) => `${libFolder}/${ts.getDefaultLibFileName(options)}`,
      getDefaultLibLocation: () => libFolder,
      writeFile: () => undefined,
      getCurrentDirectory: () => fileSystem.currentDirectory,
      getCanonicalFileName: caseSensitive ? (fileName) => fileName : (fileName) => fileName.toLowerCase(),
      useCaseSensitiveFileNames: () => caseSensitive,
      getNewLine: () => '\n',
      fileExists: (fileName) => this.overrides.has(fileName) || libTexts.has(fileName) || this.lookUp('files', fileName),
      readFile,
      directoryExists: (directoryName) => directoryName === libFolder || libFolder.startsWith(`${directoryName.replace(/\/$/, '')}/`) || this.lookUp('directories', directoryName),
      getDirectories: (directoryName) => fileSystem.getDirectories(directoryName),
      ...(fileSystem.realpath ? { realpath: fileSystem.realpath } : {}),
    };
  }

  private lookUp(kind: 'files' | 'directories', name: string): boolean {
    const answers = this.lookups?.[kind];
    let exists = answers?.get(name);
    if (exists === undefined) {
      exists = kind === 'files' ? this.fileSystem.fileExists(name) : this.fileSystem.directoryExists(name);
      answers?.set(name, exists);
    }
    return exists;
  }

  private parse(
    fileName: string,
    languageVersionOrOptions: ts.ScriptTarget | ts.CreateSourceFileOptions,
    readFile: (fileName: string) => string | undefined,
  ): ts.SourceFile | undefined {
    const options: ts.CreateSourceFileOptions = typeof languageVersionOrOptions === 'object' ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions };
    const parseKey = `${options.languageVersion}:${options.impliedNodeFormat ?? ''}`;
    const lib = libTexts.get(fileName);
    if (lib !== undefined && !this.overrides.has(fileName)) {
      const key = `${fileName}\0${parseKey}`;
      let sourceFile = parsedLibs.get(key);
      // Nothing in TypeScript's libs is PHI: their documentation comments need not be parsed.
      if (!sourceFile) parsedLibs.set(key, sourceFile = ts.createSourceFile(fileName, lib, { ...options, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }));
      return sourceFile;
    }
    const text = readFile(fileName);
    if (text === undefined) return undefined;
    const known = this.parsed.get(fileName);
    if (known && known.text === text && known.parseKey === parseKey) return known.sourceFile;
    let sourceFile: ts.SourceFile;
    try {
      sourceFile = ts.createSourceFile(fileName, text, { ...options, jsDocParsingMode: jsDocParsingModeFor(text) });
      this.unparsable.delete(fileName);
    } catch (error) {
      // The parser recurses per level of nesting: thousands of nested brackets overflow it. A stub
      // stands in, so the files importing this one still find a module.
      if (!(error instanceof RangeError)) throw error;
      this.unparsable.set(fileName, { file: fileName, text, error });
      sourceFile = ts.createSourceFile(fileName, stubText(fileName), options);
    }
    this.parsed.set(fileName, { text, parseKey, sourceFile });
    return sourceFile;
  }
}

/**
 * Documentation comments are parsed only where they can declare PHI: the analyzer reads no other
 * tag, and TypeScript needs none in TypeScript files (in JavaScript files it parses them whatever
 * the mode, since they carry the types). tsc skips them the same way.
 */
function jsDocParsingModeFor(text: string): ts.JSDocParsingMode {
  return mentionsPhiTag(text) ? ts.JSDocParsingMode.ParseAll : ts.JSDocParsingMode.ParseForTypeErrors;
}

const stubMarker = '// eslint-plugin-phi: not analysed, nested too deeply for the TypeScript compiler\n';

/** The text a stub for `fileName` holds: a module stays a module, so importing it still works. */
export function stubText(fileName: string, isScript = false): string {
  return fileName.endsWith('.json') ? '{}\n' : isScript ? stubMarker : `${stubMarker}export {};\n`;
}
