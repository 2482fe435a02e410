// Both builds with and without @opentelemetry/api resolvable: the library sends either way, reports spans only when
// the API and an SDK are there, and never needs the API on the CommonJS `require()` path.
// Usage (after `npm run build`): node test/telemetry/optional-peer-check.mjs
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve('.');
const modules = resolve(root, 'node_modules');

/** A node_modules of symlinks to ours, the package itself copied (so it resolves from here), the API left out or not. */
function scratch(withApi) {
  const dir = mkdtempSync(join(tmpdir(), `otel-peer-${withApi ? 'with' : 'without'}-`));
  const nm = join(dir, 'node_modules');
  mkdirSync(nm);
  for (const name of readdirSync(modules)) {
    if (name.startsWith('.')) continue;
    if (name === '@opentelemetry') {
      mkdirSync(join(nm, name));
      for (const sub of readdirSync(join(modules, name))) {
        if (sub === 'api' && !withApi) continue;
        symlinkSync(join(modules, name, sub), join(nm, name, sub));
      }
    } else symlinkSync(join(modules, name), join(nm, name));
  }
  const pkg = join(nm, 'nestjs-altinn-notifications');
  mkdirSync(pkg);
  cpSync(join(root, 'dist'), join(pkg, 'dist'), { recursive: true });
  cpSync(join(root, 'package.json'), join(pkg, 'package.json'));
  return dir;
}

const program = (format, withSdk) => `
${format === 'cjs' ? "require('reflect-metadata');" : "import 'reflect-metadata';"}
const load = (name) => ${format === 'cjs' ? 'Promise.resolve(require(name))' : 'import(name)'};
(async () => {
  const exported = [];
  ${withSdk ? sdkSetup() : ''}
  const { Test } = await load('@nestjs/testing');
  const lib = await load('nestjs-altinn-notifications');
  const { AltinnSimulator } = await load('nestjs-altinn-notifications/testing');
  const sim = await AltinnSimulator.start();
  const ref = await Test.createTestingModule({ imports: [lib.AltinnNotificationsModule.forRoot({
    baseUrl: sim.baseUrl, tokenProvider: new lib.StaticTokenProvider(await sim.issueToken()), logging: { requests: false, audit: false },
  })] }).compile();
  await ref.init();
  const result = await ref.get(lib.AltinnNotificationsService).sendInstantSms({
    recipientSms: { phoneNumber: '+4799999999', timeToLiveInSeconds: 300, smsSettings: { body: 'hei' } },
  });
  await ref.close(); await sim.close();
  const from = (await load('node:module')).createRequire(process.cwd() + '/node_modules/nestjs-altinn-notifications/');
  let resolvable = true;
  try { from.resolve('@opentelemetry/api'); } catch { resolvable = false; }
  console.log(JSON.stringify({ api: resolvable, created: result.created, spans: exported.map((s) => s.name) }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

function sdkSetup() {
  return `
  const api = await load('@opentelemetry/api');
  const { BasicTracerProvider, SimpleSpanProcessor } = await load('@opentelemetry/sdk-trace-base');
  api.trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor({
    export: (spans, done) => { exported.push(...spans); done({ code: 0 }); }, shutdown: async () => {},
  })] }));`;
}

let failed = false;
for (const withApi of [false, true]) {
  const dir = scratch(withApi);
  try {
    for (const format of ['cjs', 'esm']) {
      const file = join(dir, `check.${format === 'cjs' ? 'cjs' : 'mjs'}`);
      writeFileSync(file, program(format, withApi));
      const out = JSON.parse(execFileSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' }).trim());
      const expected = withApi ? ['POST', 'altinn.notifications.send'] : [];
      const ok =
        out.api === withApi && out.created === true && JSON.stringify(out.spans) === JSON.stringify(expected);
      failed ||= !ok;
      console.log(
        `${ok ? 'ok  ' : 'FAIL'} ${format} ${withApi ? 'with the API and an SDK' : 'without the API'}: ${JSON.stringify(out)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.exit(failed ? 1 : 0);
