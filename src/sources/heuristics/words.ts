/**
 * Splitting identifiers, property names and object keys into lower-case words.
 *
 * `patientDOB` → [patient, dob], `date_of_birth` → [date, of, birth], `first-name` → [first, name],
 * `SSN` → [ssn], `mrn2` → [mrn2], `HIVStatus` → [hiv, status], `phq9Score` → [phq9, score],
 * `HbA1c` → [hb, a1c], `patientIDs` → [patient, ids], `"Date of Birth"` → [date, of, birth].
 *
 * Rules:
 * - anything that is not a letter or a digit separates words (`_`, `-`, `.`, `$`, spaces…);
 * - a chunk without lower-case letters (`SSN`, `PATIENT`, `HBA1C`) is one word;
 * - otherwise a word starts at an upper-case letter that follows a lower-case letter or a digit
 *   (`patientDob`, `phq9Score`), and at the last capital of a run of capitals followed by a
 *   lower-case letter (`HIVStatus`), except a plural `s` (`IDs`, `URLs`);
 * - digits stay with the letters before them (`mrn2`, `icd10`, `phq9`) and letters after digits
 *   stay with them too (`a1c`); a lone trailing capital after digits stays (`HbA1C`).
 */

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

function isUpper(char: string): boolean {
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

function isLower(char: string): boolean {
  return char !== char.toUpperCase() && char === char.toLowerCase();
}

function startsWord(chunk: string, index: number): boolean {
  const previous = chunk[index - 1] ?? '';
  const current = chunk[index] ?? '';
  const next = chunk[index + 1] ?? '';
  if (!isUpper(current)) return false;
  if (isLower(previous)) return true;
  if (isDigit(previous)) return index !== chunk.length - 1;
  if (isUpper(previous) && isLower(next)) {
    // `IDs`, `URLs`: a plural s closes the acronym instead of starting a word.
    return !(next === 's' && index + 2 === chunk.length);
  }
  return false;
}

function splitChunk(chunk: string, into: string[]): void {
  if (![...chunk].some(isLower)) {
    into.push(chunk.toLowerCase());
    return;
  }
  let start = 0;
  for (let index = 1; index < chunk.length; index++) {
    if (startsWord(chunk, index)) {
      into.push(chunk.slice(start, index).toLowerCase());
      start = index;
    }
  }
  into.push(chunk.slice(start).toLowerCase());
}

const separators = /[^\p{L}\p{N}]+/u;

/** The lower-case words of an identifier, property name or object key; `[]` when it has none. */
export function splitWords(identifier: string): string[] {
  const words: string[] = [];
  for (const chunk of identifier.split(separators)) {
    if (chunk) splitChunk(chunk, words);
  }
  return words;
}

/**
 * The forms a word is looked up under: itself, without trailing digits (`address2` → `address`,
 * `ssn4` → `ssn`), and a naive singular (`allergies` → `allergy`, `diagnoses` → `diagnosis`,
 * `addresses` → `address`, `names` → `name`). Forms never come out empty.
 */
export function wordForms(word: string): string[] {
  const forms = [word];
  const add = (form: string | undefined): void => {
    if (form && !forms.includes(form)) forms.push(form);
  };
  const stripped = word.replace(/\d+$/, '');
  if (stripped !== word && /[a-z]/.test(stripped)) add(stripped);
  for (const base of [...forms]) {
    for (const singular of singularForms(base)) add(singular);
  }
  return forms;
}

function singularForms(word: string): string[] {
  // Three-letter words are mostly abbreviations (`rhs`, `hrs`, `bps`), not plurals; `ids` is the exception.
  if (word === 'ids') return ['id'];
  if (word.length < 4 || !word.endsWith('s')) return [];
  if (word.endsWith('ies')) return [`${word.slice(0, -3)}y`];
  if (word.endsWith('oses')) return [`${word.slice(0, -2)}is`, word.slice(0, -1)];
  if (/(?:sses|xes|ches|shes)$/.test(word)) return [word.slice(0, -2)];
  if (/(?:ss|us|is)$/.test(word)) return [];
  return [word.slice(0, -1)];
}
