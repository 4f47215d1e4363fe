import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findConfigFile, parseConfig, PhiConfigError } from '../config/index.js';
import { defaultConfig, type PhiConfig } from '../config/types.js';
import type { RuleOptions } from './ruleOptions.js';

/** The configuration one rule analyses a file with. */
export interface PhiSettings {
  config: PhiConfig;
  /** Where `./file#export` references (sanitizers, consent checks) are resolved from. */
  configDir: string;
  /** Where paths in messages are relative to: the directory of the file's tsconfig. */
  rootDir: string;
  /** Equal keys mean equal settings, so rules with equal keys share one analysis. */
  key: string;
}

interface ConfigFileState {
  mtimeMs: number;
  size: number;
  config: PhiConfig;
}

/** `settings.phi` as written in the ESLint configuration, after validation. */
const SETTINGS_NAME = 'ESLint settings.phi';

const configFiles = new Map<string, ConfigFileState>();
const validatedSettings = new WeakMap<object, Partial<PhiConfig>>();
const noSettings: Partial<PhiConfig> = {};
/** Settings already merged: by the phi.config.json read, the validated `settings.phi`, and the rule's options. */
const resolvedSettings = new WeakMap<PhiConfig, WeakMap<object, Map<string, PhiSettings>>>();

/**
 * The settings for a file whose tsconfig lives in `rootDir`, lowest precedence first: the defaults,
 * phi.config.json (found from `rootDir` upward), ESLint's `settings.phi`, and the rule's options.
 */
export function resolveSettings(rootDir: string, settingsPhi: unknown, options: RuleOptions | undefined): PhiSettings {
  const file = findConfigFile(rootDir);
  const projectConfig = file ? readConfigFile(file) : defaultConfig;
  const configDir = file ? path.dirname(file) : rootDir;
  const fromSettings = validateSettings(settingsPhi);
  // Asked once per linted file: the merge and its key are made once per configuration.
  let byOptions = resolvedSettings.get(projectConfig)?.get(fromSettings);
  if (!byOptions) {
    byOptions = new Map();
    const bySettings = resolvedSettings.get(projectConfig) ?? new WeakMap<object, Map<string, PhiSettings>>();
    bySettings.set(fromSettings, byOptions);
    resolvedSettings.set(projectConfig, bySettings);
  }
  const fromOptions = definedEntries(options ?? {});
  const lookup = JSON.stringify([rootDir, configDir, fromOptions]);
  let settings = byOptions.get(lookup);
  if (!settings) {
    const config: PhiConfig = { ...structuredClone(projectConfig), ...structuredClone(fromSettings), ...fromOptions };
    settings = { config, configDir, rootDir, key: JSON.stringify([rootDir, configDir, config]) };
    byOptions.set(lookup, settings);
  }
  return settings;
}

/** phi.config.json, read again only when it changes on disk (an edit in the editor is saved to disk). */
function readConfigFile(file: string): PhiConfig {
  let stats: { mtimeMs: number; size: number };
  try {
    stats = statSync(file);
  } catch (error) {
    throw new PhiConfigError(file, [{ path: '', message: `cannot be read: ${(error as Error).message}` }]);
  }
  const cached = configFiles.get(file);
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.config;
  const config = parseConfig(readFileSync(file, 'utf8'), file);
  configFiles.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, config });
  return config;
}

/** The keys `settings.phi` sets, checked against the phi.config.json schema. */
function validateSettings(value: unknown): Partial<PhiConfig> {
  if (value === undefined) return noSettings;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PhiConfigError(SETTINGS_NAME, [{ path: '', message: 'must be an object with the keys of phi.config.json' }]);
  }
  const cached = validatedSettings.get(value);
  if (cached) return cached;
  parseConfig(JSON.stringify(value), SETTINGS_NAME);
  const { $schema: _schema, ...settings } = value as Record<string, unknown>;
  const result = structuredClone(definedEntries(settings)) as Partial<PhiConfig>;
  validatedSettings.set(value, result);
  return result;
}

function definedEntries<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
