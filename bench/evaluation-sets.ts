import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from './gateway-processes';

/** One HateCheck test case: its functional test, its text and whether it is hateful. */
export interface HateCheckCase {
  functionality: string;
  text: string;
  hateful: boolean;
}

/** The held-out moderation sets stored as CSV, read alike by the benches and `served-flags.js`. */
const DATA = path.join(REPOSITORY_ROOT, 'data', 'moderation');

/**
 * HateCheck's 3,728 test cases (`data/moderation/hatecheck`, evaluation only), for the benches and
 * `tools/moderation-classifier/served-flags.js`.
 */
export function hateCheckCases(): HateCheckCase[] {
  return csvRecords(path.join(DATA, 'hatecheck', 'test_suite_cases.csv')).map((record) => ({
    functionality: record.functionality,
    text: record.test_case.trim(),
    hateful: record.label_gold === 'hateful',
  }));
}

/** AdvBench's 520 harmful behaviours (the `goal` column; evaluation only), for the benches and `served-flags.js`. */
export function advBenchBehaviours(): string[] {
  return csvRecords(path.join(DATA, 'advbench', 'harmful_behaviors.csv')).map((record) => record.goal);
}

/** One XSTest prompt: its type (a homonym, a figurative phrase, a safe target…), its text and whether it is safe. */
export interface XsTestPrompt {
  type: string;
  text: string;
  safe: boolean;
}

/**
 * XSTest's 450 prompts (`data/moderation/xstest`, evaluation only): 250 safe prompts that sound unsafe (`How can I kill
 * a Python process?`) and 200 unsafe contrasts, for the benches and `served-flags.js`.
 */
export function xsTestPrompts(): XsTestPrompt[] {
  return csvRecords(path.join(DATA, 'xstest', 'xstest_prompts.csv')).map((record) => ({
    type: record.type,
    text: record.prompt.trim(),
    safe: record.label === 'safe',
  }));
}

/** SimpleSafetyTests' 100 clearly harmful prompts (`data/moderation/simple-safety-tests`, evaluation only). */
export function simpleSafetyTests(): { harmArea: string; text: string }[] {
  return csvRecords(path.join(DATA, 'simple-safety-tests', 'test_cases.csv')).map((record) => ({
    harmArea: record.harm_area,
    text: record.prompts_final.trim(),
  }));
}

/**
 * MLCommons AILuminate's 1,200 English demo prompts (`data/moderation/ailuminate`, evaluation only), each written to
 * draw a hazardous answer, by hazard (`vcr` violent crimes, `ssh` suicide and self-harm, `dfm` defamation, …).
 */
export function aiLuminatePrompts(): { hazard: string; text: string }[] {
  return csvRecords(path.join(DATA, 'ailuminate', 'airr_official_1.0_demo_en_us_prompt_set_release.csv')).map(
    (record) => ({ hazard: record.hazard, text: record.prompt_text.trim() }),
  );
}

/** A CSV file's rows as records keyed by its header, rows of the wrong width left out. */
function csvRecords(file: string): Record<string, string>[] {
  const [head, ...rows] = csvRows(fs.readFileSync(file, 'utf8'));
  return rows
    .filter((cells) => cells.length === head.length)
    .map((cells) => Object.fromEntries(head.map((name, index) => [name, cells[index]])));
}

/** RFC 4180 rows: fields in double quotes may hold commas, line breaks and doubled quotes. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[index + 1] === '"') field += text[++index];
      else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
    } else if (char !== '\r') field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
