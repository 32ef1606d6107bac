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
  const [head, ...rows] = csvRows(
    fs.readFileSync(path.join(DATA, 'hatecheck', 'test_suite_cases.csv'), 'utf8'),
  );
  const column = (name: string) => head.indexOf(name);
  return rows
    .filter((cells) => cells.length === head.length)
    .map((cells) => ({
      functionality: cells[column('functionality')],
      text: cells[column('test_case')].trim(),
      hateful: cells[column('label_gold')] === 'hateful',
    }));
}

/** AdvBench's 520 harmful behaviours (the `goal` column; evaluation only), for the benches and `served-flags.js`. */
export function advBenchBehaviours(): string[] {
  const [head, ...rows] = csvRows(
    fs.readFileSync(path.join(DATA, 'advbench', 'harmful_behaviors.csv'), 'utf8'),
  );
  const goal = head.indexOf('goal');
  return rows.filter((cells) => cells.length === head.length).map((cells) => cells[goal]);
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
