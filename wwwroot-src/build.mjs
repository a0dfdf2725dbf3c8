// Builds the front-end into ../Portal/wwwroot. Plain Node, no dependency beyond htmx.org and
// chart.js (its UMD build, copied as it is).
// Deterministic: the same sources always give byte-identical outputs; files whose content did
// not change are left untouched. The stamp written last is what MSBuild compares with its inputs.
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const srcDir = dirname(fileURLToPath(import.meta.url));
const outDir = join(srcDir, "..", "Portal", "wwwroot");

// site.css is first: its opening comment documents the class vocabulary.
const cssSources = ["css/site.css"];

const outputs = [
  { to: "lib/htmx.min.js", from: ["node_modules/htmx.org/dist/htmx.min.js"], verbatim: true },
  { to: "lib/chart.umd.min.js", from: ["node_modules/chart.js/dist/chart.umd.min.js"], verbatim: true },
  { to: "css/site.css", from: cssSources },
  { to: "js/site.js", from: ["js/site.js", "js/passkey.js"] },
  { to: "js/statistics.js", from: ["js/statistics.js"] },
  { to: "favicon.svg", from: ["favicon.svg"] },
];

async function concat(files, verbatim) {
  const parts = [];
  for (const file of files) {
    let text;
    try {
      text = await readFile(join(srcDir, file), "utf8");
    } catch (error) {
      if (error.code === "ENOENT" && file.startsWith("node_modules/")) {
        throw new Error(`${file} is missing: run "npm ci" in ${srcDir} first.`);
      }
      throw error;
    }
    // One line-ending style whatever the checkout did, so outputs hash the same everywhere;
    // vendored files are copied byte for byte.
    parts.push(verbatim ? text : text.replace(/\r\n?/g, "\n").replace(/\n*$/, "\n"));
  }
  return parts.join("\n");
}

async function writeIfChanged(path, content) {
  const existing = await readFile(path, "utf8").catch(() => null);
  if (existing === content) return false;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content, "utf8");
  return true;
}

const started = process.hrtime.bigint();
const hash = createHash("sha256");
const htmxVersion = JSON.parse(
  await readFile(join(srcDir, "node_modules/htmx.org/package.json"), "utf8").catch(() => '{"version":"?"}'),
).version;

for (const { to, from, verbatim } of outputs) {
  const content = await concat(from, verbatim);
  const target = join(outDir, to);
  const changed = await writeIfChanged(target, content);
  hash.update(`${to}\n${content}\n`);
  console.log(`${changed ? "wrote    " : "unchanged"} ${relative(srcDir, target)}`);
}

// Always rewritten so its timestamp moves forward: MSBuild's incremental check relies on it.
const stamp = `htmx.org ${htmxVersion}\nsha256 ${hash.digest("hex")}\n`;
await writeFile(join(outDir, ".build-stamp"), stamp, "utf8");

const ms = Number(process.hrtime.bigint() - started) / 1e6;
console.log(`front-end built into ${relative(srcDir, outDir)} in ${ms.toFixed(0)} ms (htmx.org ${htmxVersion})`);
