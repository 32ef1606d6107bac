/** Words a name may hold in lower case: `Jack the Ripper`, `Catherine of Aragon`, `Ludwig van Beethoven`. */
const NAME_LINKS = new Set(['the', 'of', 'de', 'da', 'van', 'von', 'al', 'bin', 'and']);

/** A word written as a name is (`Stalin`, `Rouge`), not shouted (`PEOPLE`) or in lower case. */
function isTitleCase(word: string): boolean {
  return /^\p{Lu}[\p{Ll}'’.-]*\p{Ll}/u.test(word);
}

/**
 * Whether `words` are a proper name and nothing else (`Julius Caesar`, `the Khmer Rouge`, `Jack the Ripper`), as
 * opposed to a name followed by what it qualifies (`Molotov cocktails`, `the Oklahoma City bombing`).
 */
export function isProperName(words: string[]): boolean {
  const named = words.filter((word) => !NAME_LINKS.has(word.toLowerCase()));
  return named.length > 0 && named.every(isTitleCase);
}

/** Whether `words` open with a proper name (`Stalin kill`, `the Khmer Rouge kill`), as the subject of a question. */
export function opensWithName(words: string[]): boolean {
  const first = words[0]?.toLowerCase() === 'the' ? words[1] : words[0];
  return first !== undefined && isTitleCase(first);
}
