import noAnalytics from './no-analytics.js';
import noLogging from './no-logging.js';
import noUnconsentedSharing from './no-unconsented-sharing.js';
import noUnencryptedStorage from './no-unencrypted-storage.js';

/** Every rule of the plugin, by name. */
export const rules = {
  'no-logging': noLogging,
  'no-analytics': noAnalytics,
  'no-unencrypted-storage': noUnencryptedStorage,
  'no-unconsented-sharing': noUnconsentedSharing,
};

export type PhiRuleName = keyof typeof rules;
