import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import type { ErrorObject, ValidateFunction } from 'ajv';

const schemaFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'sarif-2.1.0-rtm.5.json');

let validator: ValidateFunction | undefined;

/**
 * The official SARIF 2.1.0 schema (test/schema/README.md) compiled with Ajv's draft-04 class. The
 * schema's `language` pattern is not valid as a Unicode regular expression, hence `unicodeRegExp`.
 */
export function sarifValidator(): ValidateFunction {
  if (!validator) {
    // A CommonJS module whose `module.exports` is the class and whose `default` is the class too.
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false });
    validator = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  }
  return validator!;
}

export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');
}
