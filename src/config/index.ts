export { CONFIG_FILE_NAME, PhiConfigError, findConfigFile, loadConfig, parseConfig, type PhiConfigProblem } from './load.js';
export { CONFIG_SCHEMA_ID, SINK_ENTRY_SCHEMA_ID, sinkEntryValidator } from './schema.js';
export { defaultConfig, type PhiConfig } from './types.js';
