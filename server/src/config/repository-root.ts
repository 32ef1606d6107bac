import fs from 'node:fs';
import path from 'node:path';

/**
 * The checkout holding the shipped models and the built console, found from either src/ or dist/. A module of its
 * own so that code running in worker threads can find the models without loading the whole configuration.
 */
export const REPOSITORY_ROOT = findRepositoryRoot(__dirname);

function findRepositoryRoot(start: string): string {
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'server', 'src'))) {
      return dir;
    }
  }
  return process.cwd();
}
