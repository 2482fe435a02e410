import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The TypeScript files under `dir`, recursively. */
export function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}
