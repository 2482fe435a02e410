// `node --import ./ts-register.mjs child.ts`: runs a TypeScript child process straight from the sources, as
// ts-jest does for the specs (ts-jest does not reach a forked process). Transpile only; typecheck checks the types.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
